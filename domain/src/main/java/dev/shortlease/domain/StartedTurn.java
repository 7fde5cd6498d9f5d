package dev.shortlease.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What T2 created or found, as IDs only: Dify's "create" pattern returns the ID and the
 * database-assigned {@code createdAt}, never the entity. {@code inputs} are those the turn runs
 * with: the request's in a new conversation, the conversation's stored ones in a later turn.
 */
public record StartedTurn(
    Owner owner,
    ConversationId conversationId,
    boolean newConversation,
    MessageId messageId,
    Instant createdAt,
    Map<String, Object> inputs) {

  public StartedTurn {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(createdAt, "createdAt");
    inputs = StructuredValues.freeze(inputs);
  }
}
