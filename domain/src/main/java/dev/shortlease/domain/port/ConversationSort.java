package dev.shortlease.domain.port;

/** Orders of the conversation list, by creation or by latest activity. */
public enum ConversationSort {
  CREATED_ASC,
  CREATED_DESC,
  UPDATED_ASC,
  UPDATED_DESC
}
