package dev.shortlease.domain;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of an annotation (a question and the answer given to it). */
public record AnnotationId(UUID value) {

  public AnnotationId {
    Objects.requireNonNull(value, "AnnotationId value");
  }

  public static AnnotationId random() {
    return new AnnotationId(UUID.randomUUID());
  }

  /**
   * Parses the wire form; throws {@link InvalidIdException} naming {@code field} when malformed.
   */
  public static AnnotationId parse(String text, String field) {
    return new AnnotationId(Ids.parseUuid(text, field));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
