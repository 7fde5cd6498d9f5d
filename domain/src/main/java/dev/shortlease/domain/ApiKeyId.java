package dev.shortlease.domain;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of api key: a UUID that cannot be confused with another kind of ID. */
public record ApiKeyId(UUID value) {

  public ApiKeyId {
    Objects.requireNonNull(value, "ApiKeyId value");
  }

  public static ApiKeyId random() {
    return new ApiKeyId(UUID.randomUUID());
  }

  /**
   * Parses the wire form; throws {@link InvalidIdException} naming {@code field} when malformed.
   */
  public static ApiKeyId parse(String text, String field) {
    return new ApiKeyId(Ids.parseUuid(text, field));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
