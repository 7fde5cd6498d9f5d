package dev.shortlease.application.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.application.AnnotationSettings;
import dev.shortlease.application.ChatExecutor;
import dev.shortlease.application.port.out.EmbeddingModelPort;
import dev.shortlease.domain.AnnotationIndex;
import dev.shortlease.domain.AnnotationJob;
import dev.shortlease.domain.AnnotationJobStatus;
import dev.shortlease.domain.AnnotationReplyAction;
import dev.shortlease.domain.AnnotationReplySettings;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.EmbeddingVector;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.port.inmemory.InMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whether an annotation reply job is stale is judged on the store's clock (the database's, in the
 * service), never on this instance's: the store here keeps its own clock, a day away from the
 * JVM's, ahead or behind. The jobs never run (an executor that drops them), so they stay waiting
 * and only time moves them.
 */
@DisplayName("Annotation reply jobs: staleness on the store's clock, not this instance's")
class AnnotationReplyJobServiceTest {
  private static final AnnotationReplySettings SETTINGS =
      new AnnotationReplySettings(0.9, "p", "m", "");

  /** A clock the test moves by hand. */
  private static final class MovableClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>();

    MovableClock(Instant start) {
      now.set(start);
    }

    void advance(Duration by) {
      now.set(now.get().plus(by));
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  private MovableClock storeClock;
  private InMemoryStore store;
  private AnnotationReplyJobService service;
  private AppId app;

  /** The store's clock set {@code skewDays} away from the JVM's. */
  private void start(int skewDays) {
    storeClock = new MovableClock(Instant.now().plus(Duration.ofDays(skewDays)));
    store = new InMemoryStore(storeClock);
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
            throw new AssertionError("the jobs never run here");
          }
        };
    service =
        new AnnotationReplyJobService(
            store,
            index,
            new AnnotationEmbedder(index, embeddings, AnnotationSettings.defaults()),
            embeddings,
            new ChatExecutor(job -> {}),
            new AnnotationIndexCache(index, AnnotationSettings.defaults()));
    app = store.createApp(new NewApp("jobs", null, AppMode.CHAT, null, null, null, null));
  }

  private AnnotationJob status(AnnotationJob job) {
    return service.status(app, job.action(), job.id());
  }

  @ParameterizedTest(name = "store's clock {0} days from the JVM's")
  @ValueSource(ints = {-1, 1})
  @DisplayName("a waiting job is reported as it is until it has not moved for 10 minutes there")
  void statusIsStaleOnlyByTheStoresClock(int skewDays) {
    start(skewDays);
    AnnotationJob job = service.start(app, AnnotationReplyAction.ENABLE, SETTINGS);

    storeClock.advance(AnnotationReplyJobService.STALE_AFTER.minusSeconds(1));
    assertThat(status(job).status()).isEqualTo(AnnotationJobStatus.WAITING);

    storeClock.advance(Duration.ofSeconds(2));
    AnnotationJob stale = status(job);
    assertThat(stale.status()).isEqualTo(AnnotationJobStatus.ERROR);
    assertThat(stale.errorMessage()).contains("stopped making progress");
  }

  @ParameterizedTest(name = "store's clock {0} days from the JVM's")
  @ValueSource(ints = {-1, 1})
  @DisplayName("a second start joins the active job until it has not moved for 10 minutes there")
  void startJoinsUntilStaleByTheStoresClock(int skewDays) {
    start(skewDays);
    AnnotationJob first = service.start(app, AnnotationReplyAction.ENABLE, SETTINGS);

    storeClock.advance(AnnotationReplyJobService.STALE_AFTER.minusSeconds(1));
    AnnotationJob joined = service.start(app, AnnotationReplyAction.ENABLE, SETTINGS);
    assertThat(joined.id()).as("the running job").isEqualTo(first.id());
    assertThat(joined.status()).isEqualTo(AnnotationJobStatus.PROCESSING);

    storeClock.advance(Duration.ofSeconds(2));
    AnnotationJob next = service.start(app, AnnotationReplyAction.ENABLE, SETTINGS);
    assertThat(next.id()).as("a new job: the old one is stale").isNotEqualTo(first.id());
    assertThat(next.status()).isEqualTo(AnnotationJobStatus.WAITING);
  }
}
