package dev.shortlease.domain;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of an annotation reply job (enable or disable). */
public record AnnotationJobId(UUID value) {

  public AnnotationJobId {
    Objects.requireNonNull(value, "AnnotationJobId value");
  }

  public static AnnotationJobId random() {
    return new AnnotationJobId(UUID.randomUUID());
  }

  /**
   * Parses the wire form; throws {@link InvalidIdException} naming {@code field} when malformed.
   */
  public static AnnotationJobId parse(String text, String field) {
    return new AnnotationJobId(Ids.parseUuid(text, field));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
