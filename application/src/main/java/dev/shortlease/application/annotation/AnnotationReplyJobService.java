package dev.shortlease.application.annotation;

import dev.shortlease.application.ChatExecutor;
import dev.shortlease.application.port.in.ConfigureAnnotationReplyUseCase;
import dev.shortlease.application.port.out.EmbeddingModelPort;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.domain.AnnotationJob;
import dev.shortlease.domain.AnnotationJobId;
import dev.shortlease.domain.AnnotationJobStatus;
import dev.shortlease.domain.AnnotationReplyAction;
import dev.shortlease.domain.AnnotationReplySettings;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.port.AnnotationIndexPort;
import dev.shortlease.domain.port.AnnotationJobsPort;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Use case: annotation reply on or off, as Dify's background job. The job's status lives in the
 * database, so any instance answers the status call. Enable embeds every annotation that has no
 * vector of the chosen model (batches: short read, embedding with no connection, short write), then
 * turns the settings on and embeds what was created meanwhile; disable turns them off.
 */
public final class AnnotationReplyJobService implements ConfigureAnnotationReplyUseCase {
  /**
   * A waiting or processing job that has not moved for this long is dead (its instance ended); as
   * Dify's job keys expire after 600 s, a new job may then start. The store measures it on its own
   * clock (the database's, which stamps the jobs), never this instance's: instances whose clocks
   * differ agree on which job is dead.
   */
  static final Duration STALE_AFTER = Duration.ofMinutes(10);

  private static final System.Logger LOG =
      System.getLogger(AnnotationReplyJobService.class.getName());

  private final AnnotationJobsPort jobs;
  private final AnnotationIndexPort index;
  private final AnnotationEmbedder embedder;
  private final EmbeddingModelPort embeddings;
  private final ChatExecutor executor;
  private final AnnotationIndexCache indexes;

  @Inject
  public AnnotationReplyJobService(
      AnnotationJobsPort jobs,
      AnnotationIndexPort index,
      AnnotationEmbedder embedder,
      EmbeddingModelPort embeddings,
      ChatExecutor executor,
      AnnotationIndexCache indexes) {
    this.jobs = jobs;
    this.index = index;
    this.embedder = embedder;
    this.embeddings = embeddings;
    this.executor = executor;
    this.indexes = indexes;
  }

  @Override
  public AnnotationJob start(
      AppId app, AnnotationReplyAction action, AnnotationReplySettings settings) {
    AnnotationJobId id = AnnotationJobId.random();
    AnnotationJob job = jobs.startJob(id, app, action, STALE_AFTER);
    if (!job.id().equals(id)) {
      return job.withStatus(AnnotationJobStatus.PROCESSING, ""); // one is running: join it
    }
    executor.execute(() -> run(job, settings));
    return job;
  }

  @Override
  public AnnotationJob status(AppId app, AnnotationReplyAction action, AnnotationJobId id) {
    AnnotationJob job =
        jobs.findJob(app, id, STALE_AFTER)
            .filter(found -> found.action() == action)
            .orElseThrow(() -> new NotFoundException("job"));
    if (job.stalled()) {
      return job.withStatus(
          AnnotationJobStatus.ERROR,
          "The job stopped making progress (its instance ended); start it again.");
    }
    return job;
  }

  @Override
  public boolean isEnabled(AppId app) {
    return index.findReplySettings(app).isPresent();
  }

  private void run(AnnotationJob job, AnnotationReplySettings requested) {
    AnnotationJobId id = job.id();
    try {
      move(id, AnnotationJobStatus.PROCESSING, "");
      if (job.action() == AnnotationReplyAction.ENABLE) {
        AnnotationReplySettings reply =
            requested.withModelKey(embeddings.modelKey(requested.embeddingModelName()));
        Runnable progress = () -> move(id, AnnotationJobStatus.PROCESSING, "");
        embedder.embedPending(job.appId(), reply, progress);
        index.saveReplySettings(job.appId(), reply);
        indexes.forget(job.appId());
        embedder.embedPending(job.appId(), reply, progress); // created while it was not yet on
      } else {
        index.removeReplySettings(job.appId());
        indexes.forget(job.appId());
      }
      move(id, AnnotationJobStatus.COMPLETED, "");
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "annotation reply job " + id + " failed", e);
      try {
        move(id, AnnotationJobStatus.ERROR, errorMessage(id, e));
      } catch (RuntimeException suppressed) {
        // the status stays processing; the stale rule reports it as an error later
      }
    }
  }

  /**
   * Records the job's progress. A job not stored (its row was deleted while it ran) does not stop
   * the work; the WARN says why its status call answers as for an unknown job.
   */
  private void move(AnnotationJobId id, AnnotationJobStatus status, String errorMessage) {
    if (!jobs.updateJob(id, status, errorMessage)) {
      LOG.log(
          System.Logger.Level.WARNING,
          "annotation reply job " + id + " is not stored; its status " + status + " is lost");
    }
  }

  /**
   * The {@code error_msg} a client reads: a fixed sentence per kind of failure and the job's ID,
   * under which the log has what really happened. The failure's own message may name an internal
   * host, quote a provider's body or SQL (issue 16, "say less to clients"), so it is never stored.
   */
  static String errorMessage(AnnotationJobId id, RuntimeException failure) {
    String what =
        failure instanceof ModelException e
            ? switch (e.kind()) {
              case NOT_CONFIGURED ->
                  "The embedding model provider rejected the credentials or the model.";
              case QUOTA_EXCEEDED -> "The embedding model provider's quota is used up.";
              case RATE_LIMITED -> "The embedding model provider limited the request rate.";
              case REQUEST_FAILED -> "The embedding model request failed.";
            }
            : "The job failed.";
    return what + " The service log has the details under job " + id.value() + ".";
  }
}
