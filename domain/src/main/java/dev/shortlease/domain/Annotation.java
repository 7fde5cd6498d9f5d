package dev.shortlease.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An annotation of an app: when annotation reply is on, a query close enough to {@code question} is
 * answered with {@code answer} and no model is called. {@code hitCount} counts those replies.
 */
public record Annotation(
    AnnotationId id, AppId appId, AnnotationText text, int hitCount, Instant createdAt) {

  public Annotation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
