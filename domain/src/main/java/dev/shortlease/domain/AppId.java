package dev.shortlease.domain;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of app: a UUID that cannot be confused with another kind of ID. */
public record AppId(UUID value) {

  public AppId {
    Objects.requireNonNull(value, "AppId value");
  }

  public static AppId random() {
    return new AppId(UUID.randomUUID());
  }

  /**
   * Parses the wire form; throws {@link InvalidIdException} naming {@code field} when malformed.
   */
  public static AppId parse(String text, String field) {
    return new AppId(Ids.parseUuid(text, field));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
