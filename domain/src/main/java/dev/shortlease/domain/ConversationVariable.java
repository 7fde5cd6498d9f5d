package dev.shortlease.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One variable of one conversation: made from the app's {@link VariableDeclaration} when the
 * conversation starts, then changed by its owner. {@code value} is a structured value of {@code
 * type}.
 */
public record ConversationVariable(
    ConversationVariableId id,
    ConversationId conversationId,
    String name,
    VariableType type,
    Object value,
    String description,
    Instant createdAt,
    Instant updatedAt) {

  public ConversationVariable {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(type, "type");
    value = StructuredValues.freezeValue(value);
    description = description == null ? "" : description;
  }
}
