package dev.shortlease.adapter.persistence;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.H2TestDatabase;
import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import dev.shortlease.domain.AnnotationJobId;
import dev.shortlease.domain.AnnotationJobStatus;
import dev.shortlease.domain.AnnotationReplyAction;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.UploadFileId;
import dev.shortlease.domain.UploadedFile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Ages that judge rows other instances wrote are measured on the database's clock, the one that
 * stamped them: rows aged by database time ({@link DatabaseTime}) are judged by the age the port
 * was given alone, and none of the statements binds a time taken from the JVM's clock, which may
 * run ahead of or behind the database's (and other instances').
 */
@DisplayName(
    "Ages on the database's clock: the abandoned-message sweep, annotation jobs, uploads' cleanup")
class DatabaseClockAgesTest {

  abstract static class Contract {
    private final List<Object> bound = new CopyOnWriteArrayList<>();
    private PersistenceContext context;

    abstract PersistenceSettings database();

    @BeforeEach
    void start() {
      context =
          PersistenceContext.start(
              database(),
              new SimpleMeterRegistry(),
              pool ->
                  ProxyDataSourceBuilder.create(pool).afterQuery(BoundValues.into(bound)).build());
    }

    @AfterEach
    void close() {
      if (context != null) { // null when the database was skipped
        context.close();
      }
    }

    private AppId newApp() {
      return context
          .apps()
          .createApp(
              new NewApp("clock " + UUID.randomUUID(), "", AppMode.CHAT, null, null, null, null));
    }

    private StartedTurn startedAgo(AppId app, Duration age) {
      StartedTurn turn = context.startTurn().startTurn(new NewTurn(app, "u", null, "q", Map.of()));
      DatabaseTime.setAgo(context, "message", "created_at", turn.messageId().value(), age);
      return turn;
    }

    private MessageStatus status(StartedTurn turn) {
      return context.messages().findMessage(turn.owner(), turn.messageId()).orElseThrow().status();
    }

    private void assertNoTimeBound(String what) {
      assertThat(bound)
          .as("values bound by %s", what)
          .isNotEmpty()
          .noneMatch(value -> value instanceof Temporal || value instanceof java.util.Date);
    }

    @Test
    @DisplayName(
        "the sweep ends a message older than the age by database time and spares a younger one,"
            + " binding no time")
    void abandonedSweep() {
      AppId app = newApp();
      StartedTurn old = startedAgo(app, Duration.ofMinutes(11));
      StartedTurn younger = startedAgo(app, Duration.ofMinutes(9));
      bound.clear();

      int ended = context.finishMessage().failAbandoned(Duration.ofMinutes(10), "abandoned: old");

      assertThat(ended).isPositive();
      assertThat(status(old)).isEqualTo(MessageStatus.ERROR);
      assertThat(status(younger)).isEqualTo(MessageStatus.RUNNING);
      assertNoTimeBound("the sweep");
    }

    @Test
    @DisplayName(
        "an annotation job is stale once not moved for the age by database time, and a start"
            + " then makes a new one, binding no time")
    void annotationJobs() {
      AppId app = newApp();
      Duration staleAfter = Duration.ofMinutes(10);
      AnnotationJobId first = AnnotationJobId.random();
      context.annotationJobs().startJob(first, app, AnnotationReplyAction.ENABLE, staleAfter);
      DatabaseTime.setAgo(context, "annotation_job", "updated_at", first.value(), ofMinutes(9));
      bound.clear();

      assertThat(context.annotationJobs().findJob(app, first, staleAfter).orElseThrow().stalled())
          .isFalse();
      assertThat(
              context
                  .annotationJobs()
                  .startJob(AnnotationJobId.random(), app, AnnotationReplyAction.ENABLE, staleAfter)
                  .id())
          .isEqualTo(first);

      DatabaseTime.setAgo(context, "annotation_job", "updated_at", first.value(), ofMinutes(11));
      assertThat(context.annotationJobs().findJob(app, first, staleAfter).orElseThrow().stalled())
          .isTrue();
      AnnotationJobId second = AnnotationJobId.random();
      assertThat(
              context
                  .annotationJobs()
                  .startJob(second, app, AnnotationReplyAction.ENABLE, staleAfter)
                  .id())
          .isEqualTo(second);
      context.annotationJobs().updateJob(second, AnnotationJobStatus.PROCESSING, "");
      assertNoTimeBound("the jobs' start, update and read");
    }

    @Test
    @DisplayName(
        "the uploads' cleanup deletes an unreferenced upload older than the age by database time"
            + " and spares a younger one, binding no time")
    void uploadsCleanup() {
      AppId app = newApp();
      FilesAdapter files = new FilesAdapter(context.sessionScope());
      UploadedFile old =
          files.recordUpload(app, "u", UploadFileId.random(), "a.txt", "txt", "text/plain", 1);
      UploadedFile younger =
          files.recordUpload(app, "u", UploadFileId.random(), "b.txt", "txt", "text/plain", 1);
      DatabaseTime.setAgo(context, "upload_file", "created_at", old.id().value(), ofMinutes(61));
      DatabaseTime.setAgo(
          context, "upload_file", "created_at", younger.id().value(), ofMinutes(59));
      bound.clear();

      // the PostgreSQL database is shared: other tests' orphans may go too
      assertThat(files.deleteUnreferencedUploads(Duration.ofHours(1), 1000))
          .contains(old.id())
          .doesNotContain(younger.id());
      assertThat(files.findUpload(younger.owner(), younger.id())).isPresent();
      assertNoTimeBound("the uploads' cleanup");
    }
  }

  @Nested
  @DisplayName("on H2")
  class OnH2 extends Contract {
    @Override
    PersistenceSettings database() {
      return H2TestDatabase.newDatabase();
    }
  }

  @Nested
  @PostgresTest
  @DisplayName("on PostgreSQL")
  class OnPostgres extends Contract {
    @Override
    PersistenceSettings database() {
      return PostgresTestDatabase.settings();
    }
  }
}
