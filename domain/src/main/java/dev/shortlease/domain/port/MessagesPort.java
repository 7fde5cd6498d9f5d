package dev.shortlease.domain.port;

import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.Feedback;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageWithThoughts;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.Page;
import java.util.Optional;

/** Outbound port: an owner's messages, read and rated. */
public interface MessagesPort {

  /**
   * Dify's history page: the {@code limit} messages just older than {@code firstId} (the newest
   * ones when {@code firstId} is null), returned oldest first, with their agent thoughts; {@code
   * hasMore} tells whether older messages exist. Throws {@link
   * dev.shortlease.domain.NotFoundException} for a conversation ("conversation") or {@code firstId}
   * ("first Message") that is not this owner's.
   */
  Page<MessageWithThoughts> listMessages(
      Owner owner, ConversationId conversationId, MessageId firstId, int limit);

  Optional<Message> findMessage(Owner owner, MessageId id);

  /**
   * The query of the conversation's oldest message, empty when it has none: one ordered, limited
   * read of one column (auto-naming needs nothing else). Throws {@link
   * dev.shortlease.domain.NotFoundException} ("conversation") when the conversation is not this
   * owner's.
   */
  Optional<String> firstQuery(Owner owner, ConversationId conversationId);

  /** Sets ({@code feedback} non-null) or clears the rating; false when the message is not found. */
  boolean setFeedback(Owner owner, MessageId id, Feedback feedback);
}
