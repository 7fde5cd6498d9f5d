package dev.shortlease.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * Typed identifier of a conversation variable: a UUID that cannot be confused with another kind of
 * ID.
 */
public record ConversationVariableId(UUID value) {

  public ConversationVariableId {
    Objects.requireNonNull(value, "ConversationVariableId value");
  }

  public static ConversationVariableId random() {
    return new ConversationVariableId(UUID.randomUUID());
  }

  /**
   * Parses the wire form; throws {@link InvalidIdException} naming {@code field} when malformed.
   */
  public static ConversationVariableId parse(String text, String field) {
    return new ConversationVariableId(Ids.parseUuid(text, field));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
