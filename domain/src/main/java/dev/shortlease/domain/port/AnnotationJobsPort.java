package dev.shortlease.domain.port;

import dev.shortlease.domain.AnnotationJob;
import dev.shortlease.domain.AnnotationJobId;
import dev.shortlease.domain.AnnotationJobStatus;
import dev.shortlease.domain.AnnotationReplyAction;
import dev.shortlease.domain.AppId;
import java.time.Instant;
import java.util.Optional;

/** Outbound port: annotation reply jobs, stored so that any instance can answer their status. */
public interface AnnotationJobsPort {

  /**
   * The app's newest waiting or processing job of {@code action} updated after {@code since}, or
   * else {@code id} recorded as a new waiting job (with its stored time). The check and the insert
   * are one step, serialised per app: of concurrent starts for one app and action, exactly one
   * creates a job and the others get that job. The returned job is the new one when its ID is
   * {@code id}.
   */
  AnnotationJob startJob(
      AnnotationJobId id, AppId app, AnnotationReplyAction action, Instant since);

  /** Sets the job's status (and error message), and moves its {@code updatedAt}. */
  void updateJob(AnnotationJobId id, AnnotationJobStatus status, String errorMessage);

  /** The app's job, or empty when there is none of this app with this ID. */
  Optional<AnnotationJob> findJob(AppId app, AnnotationJobId id);
}
