package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageWithThoughts;
import dev.shortlease.domain.Page;

/** Use case: page backwards through a conversation's messages, with agent thoughts. */
public interface ListMessagesUseCase {
  Page<MessageWithThoughts> list(
      AppId appId, String user, ConversationId conversationId, MessageId firstId, int limit);
}
