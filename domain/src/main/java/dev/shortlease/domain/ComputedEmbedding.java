package dev.shortlease.domain;

import java.util.Objects;

/**
 * A vector computed for an annotation's {@code question} as it was read; stored only if the
 * question is still the same (an edit meanwhile makes it stale).
 */
public record ComputedEmbedding(AnnotationId id, String question, EmbeddingVector vector) {
  public ComputedEmbedding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(vector, "vector");
  }
}
