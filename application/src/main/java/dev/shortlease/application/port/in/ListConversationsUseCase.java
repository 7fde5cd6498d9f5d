package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.Conversation;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.port.ConversationSort;

/** Use case: list a user's conversations, newest activity first by default. */
public interface ListConversationsUseCase {
  Page<Conversation> list(
      AppId appId, String user, ConversationId lastId, int limit, ConversationSort sort);
}
