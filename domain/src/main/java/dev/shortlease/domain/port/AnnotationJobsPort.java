package dev.shortlease.domain.port;

import dev.shortlease.domain.AnnotationJob;
import dev.shortlease.domain.AnnotationJobId;
import dev.shortlease.domain.AnnotationJobStatus;
import dev.shortlease.domain.AnnotationReplyAction;
import dev.shortlease.domain.AppId;
import java.time.Duration;
import java.util.Optional;

/** Outbound port: annotation reply jobs, stored so that any instance can answer their status. */
public interface AnnotationJobsPort {

  /**
   * The app's newest waiting or processing job of {@code action} that moved less than {@code
   * staleAfter} ago, or else {@code id} recorded as a new waiting job (with its stored time). The
   * age is measured on the store's clock, the one that stamps the jobs, never the caller's. The
   * check and the insert are one step, serialised per app: of concurrent starts for one app and
   * action, exactly one creates a job and the others get that job. The returned job is the new one
   * when its ID is {@code id}; it is never {@linkplain AnnotationJob#stalled() stalled}.
   */
  AnnotationJob startJob(
      AnnotationJobId id, AppId app, AnnotationReplyAction action, Duration staleAfter);

  /**
   * Sets the job's status (and error message), and moves its {@code updatedAt}; false, changing
   * nothing, when no job has this ID.
   */
  boolean updateJob(AnnotationJobId id, AnnotationJobStatus status, String errorMessage);

  /**
   * The app's job, or empty when there is none of this app with this ID; {@linkplain
   * AnnotationJob#stalled() stalled} when it is waiting or processing and has not moved for {@code
   * staleAfter}, measured on the store's clock.
   */
  Optional<AnnotationJob> findJob(AppId app, AnnotationJobId id, Duration staleAfter);
}
