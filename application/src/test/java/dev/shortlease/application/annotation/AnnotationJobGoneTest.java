package dev.shortlease.application.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.application.AnnotationSettings;
import dev.shortlease.application.ChatExecutor;
import dev.shortlease.application.port.out.EmbeddingModelPort;
import dev.shortlease.domain.AnnotationIndex;
import dev.shortlease.domain.AnnotationJob;
import dev.shortlease.domain.AnnotationJobId;
import dev.shortlease.domain.AnnotationJobStatus;
import dev.shortlease.domain.AnnotationReplyAction;
import dev.shortlease.domain.AnnotationReplySettings;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.EmbeddingVector;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.port.AnnotationJobsPort;
import dev.shortlease.domain.port.inmemory.InMemoryStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A job whose stored row is gone while it runs: the run goes on, and the log says so. */
class AnnotationJobGoneTest {

  /** The store's jobs, except that every update finds no job (its row was deleted). */
  private record Forgetful(InMemoryStore store) implements AnnotationJobsPort {
    @Override
    public AnnotationJob startJob(
        AnnotationJobId id, AppId app, AnnotationReplyAction action, Duration staleAfter) {
      return store.startJob(id, app, action, staleAfter);
    }

    @Override
    public boolean updateJob(AnnotationJobId id, AnnotationJobStatus status, String error) {
      return false;
    }

    @Override
    public Optional<AnnotationJob> findJob(AppId app, AnnotationJobId id, Duration staleAfter) {
      return store.findJob(app, id, staleAfter);
    }
  }

  @Test
  @DisplayName("each update of a job that is not stored logs a WARN naming the job and status")
  void updateOfAMissingJobIsLogged() {
    InMemoryStore store = new InMemoryStore();
    ReadOnlyIndex index =
        new ReadOnlyIndex() {
          @Override
          public Optional<AnnotationIndex> readIndex(AppId app, long knownVersion, int limit) {
            return Optional.empty();
          }
        };
    EmbeddingModelPort embeddings =
        new EmbeddingModelPort() {
          @Override
          public String modelKey(String model) {
            return "k";
          }

          @Override
          public List<EmbeddingVector> embed(String model, List<String> texts) {
            return List.of();
          }
        };
    AnnotationReplyJobService service =
        new AnnotationReplyJobService(
            new Forgetful(store),
            index,
            new AnnotationEmbedder(index, embeddings, AnnotationSettings.defaults()),
            embeddings,
            new ChatExecutor(Runnable::run),
            new AnnotationIndexCache(index, AnnotationSettings.defaults()));
    AppId app = store.createApp(new NewApp("gone", null, AppMode.CHAT, null, null, null, null));
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel() == Level.WARNING) {
              warnings.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger(AnnotationReplyJobService.class.getName());
    logger.addHandler(capture);
    try {
      AnnotationJob job =
          service.start(
              app, AnnotationReplyAction.DISABLE, new AnnotationReplySettings(0.9, "p", "m", ""));

      assertThat(warnings)
          .extracting(LogRecord::getMessage)
          .containsExactly(
              "annotation reply job " + job.id() + " is not stored; its status PROCESSING is lost",
              "annotation reply job " + job.id() + " is not stored; its status COMPLETED is lost");
    } finally {
      logger.removeHandler(capture);
    }
  }
}
