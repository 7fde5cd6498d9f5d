package dev.shortlease.application.conversation;

import dev.shortlease.application.port.in.ListMessagesUseCase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageWithThoughts;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.port.MessagesPort;
import jakarta.inject.Inject;
import java.util.Objects;

/** Use case: a conversation's messages with their agent thoughts, paging back from the newest. */
public final class ListMessagesService implements ListMessagesUseCase {
  private final OwnerResolver owners;
  private final MessagesPort messages;

  @Inject
  public ListMessagesService(OwnerResolver owners, MessagesPort messages) {
    this.owners = owners;
    this.messages = messages;
  }

  @Override
  public Page<MessageWithThoughts> list(
      AppId appId, String user, ConversationId conversationId, MessageId firstId, int limit) {
    Objects.requireNonNull(conversationId, "conversationId");
    Page.requireLimit(limit);
    return messages.listMessages(
        owners.require(appId, user, "conversation"), conversationId, firstId, limit);
  }
}
