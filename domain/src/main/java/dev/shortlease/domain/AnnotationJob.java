package dev.shortlease.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An annotation reply job as stored, so that any instance can report it; {@code updatedAt} moves
 * with every batch, which tells a live job from one whose instance died. {@code stalled} says the
 * job is waiting or processing yet has not moved for the age the reader asked about, judged by the
 * store when it read the job — on its own clock, the one that stamped {@code updatedAt}, so
 * instances whose clocks differ agree.
 */
public record AnnotationJob(
    AnnotationJobId id,
    AppId appId,
    AnnotationReplyAction action,
    AnnotationJobStatus status,
    String errorMessage,
    Instant updatedAt,
    boolean stalled) {

  public AnnotationJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(status, "status");
    errorMessage = errorMessage == null ? "" : errorMessage;
    stalled = stalled && status.isActive();
  }

  /** This job as reported with another status; only an active status keeps {@code stalled}. */
  public AnnotationJob withStatus(AnnotationJobStatus next, String error) {
    return new AnnotationJob(id, appId, action, next, error, updatedAt, stalled);
  }
}
