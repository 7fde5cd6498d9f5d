package dev.shortlease.domain;

/** A conversation is visible until it is deleted; deletion is soft so running messages can end. */
public enum ConversationStatus {
  NORMAL,
  DELETED
}
