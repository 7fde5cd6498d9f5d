package dev.shortlease.domain;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of conversation: a UUID that cannot be confused with another kind of ID. */
public record ConversationId(UUID value) {

  public ConversationId {
    Objects.requireNonNull(value, "ConversationId value");
  }

  public static ConversationId random() {
    return new ConversationId(UUID.randomUUID());
  }

  /**
   * Parses the wire form; throws {@link InvalidIdException} naming {@code field} when malformed.
   */
  public static ConversationId parse(String text, String field) {
    return new ConversationId(Ids.parseUuid(text, field));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
