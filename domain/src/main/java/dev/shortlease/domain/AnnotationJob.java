package dev.shortlease.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An annotation reply job as stored, so that any instance can report it; {@code updatedAt} moves
 * with every batch, which tells a live job from one whose instance died.
 */
public record AnnotationJob(
    AnnotationJobId id,
    AppId appId,
    AnnotationReplyAction action,
    AnnotationJobStatus status,
    String errorMessage,
    Instant updatedAt) {

  public AnnotationJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(status, "status");
    errorMessage = errorMessage == null ? "" : errorMessage;
  }

  public AnnotationJob withStatus(AnnotationJobStatus next, String error) {
    return new AnnotationJob(id, appId, action, next, error, updatedAt);
  }
}
