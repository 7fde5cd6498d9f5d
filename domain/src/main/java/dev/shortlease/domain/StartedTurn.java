package dev.shortlease.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What T2 created or found, as IDs only: the seed's "create" pattern returns the ID and the
 * database-assigned {@code createdAt}, never the entity.
 */
public record StartedTurn(
    Owner owner,
    ConversationId conversationId,
    boolean newConversation,
    MessageId messageId,
    Instant createdAt) {

  public StartedTurn {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
