package dev.shortlease.domain;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of end user: a UUID that cannot be confused with another kind of ID. */
public record EndUserId(UUID value) {

  public EndUserId {
    Objects.requireNonNull(value, "EndUserId value");
  }

  public static EndUserId random() {
    return new EndUserId(UUID.randomUUID());
  }

  /**
   * Parses the wire form; throws {@link InvalidIdException} naming {@code field} when malformed.
   */
  public static EndUserId parse(String text, String field) {
    return new EndUserId(Ids.parseUuid(text, field));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
