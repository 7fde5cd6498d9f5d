package dev.shortlease.domain;

import java.util.Objects;

/** An annotation whose question has no vector of the current model yet. */
public record PendingEmbedding(AnnotationId id, String question) {
  public PendingEmbedding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(question, "question");
  }
}
