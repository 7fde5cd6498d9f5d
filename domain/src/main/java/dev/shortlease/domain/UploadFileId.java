package dev.shortlease.domain;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of an uploaded file: a UUID that cannot be confused with another kind of ID. */
public record UploadFileId(UUID value) {

  public UploadFileId {
    Objects.requireNonNull(value, "UploadFileId value");
  }

  public static UploadFileId random() {
    return new UploadFileId(UUID.randomUUID());
  }

  /**
   * Parses the wire form; throws {@link InvalidIdException} naming {@code field} when malformed.
   */
  public static UploadFileId parse(String text, String field) {
    return new UploadFileId(Ids.parseUuid(text, field));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
