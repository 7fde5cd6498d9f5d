package dev.shortlease.domain;

import java.util.Objects;

/** An annotation's question as a vector, as the matcher compares it. */
public record IndexedAnnotation(AnnotationId id, EmbeddingVector vector) {
  public IndexedAnnotation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(vector, "vector");
  }
}
