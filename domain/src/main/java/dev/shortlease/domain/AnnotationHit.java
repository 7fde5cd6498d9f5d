package dev.shortlease.domain;

import java.util.Objects;

/** A query answered by an annotation: counted on the annotation and kept in its hit history. */
public record AnnotationHit(
    AnnotationId annotationId, Owner owner, MessageId messageId, String query, double score) {
  public AnnotationHit {
    Objects.requireNonNull(annotationId, "annotationId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(query, "query");
  }
}
