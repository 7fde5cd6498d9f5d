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

  /** Records a new job as waiting; returns it with its stored time. */
  AnnotationJob createJob(AnnotationJobId id, AppId app, AnnotationReplyAction action);

  /** Sets the job's status (and error message), and moves its {@code updatedAt}. */
  void updateJob(AnnotationJobId id, AnnotationJobStatus status, String errorMessage);

  /** The app's job, or empty when there is none of this app with this ID. */
  Optional<AnnotationJob> findJob(AppId app, AnnotationJobId id);

  /** The app's newest waiting or processing job of {@code action} updated after {@code since}. */
  Optional<AnnotationJob> findActiveJob(AppId app, AnnotationReplyAction action, Instant since);
}
