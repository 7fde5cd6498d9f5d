package dev.shortlease.domain;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of message: a UUID that cannot be confused with another kind of ID. */
public record MessageId(UUID value) {

  public MessageId {
    Objects.requireNonNull(value, "MessageId value");
  }

  public static MessageId random() {
    return new MessageId(UUID.randomUUID());
  }

  /**
   * Parses the wire form; throws {@link InvalidIdException} naming {@code field} when malformed.
   */
  public static MessageId parse(String text, String field) {
    return new MessageId(Ids.parseUuid(text, field));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
