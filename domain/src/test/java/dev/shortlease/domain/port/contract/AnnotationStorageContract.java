package dev.shortlease.domain.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.domain.Annotation;
import dev.shortlease.domain.AnnotationHit;
import dev.shortlease.domain.AnnotationIndex;
import dev.shortlease.domain.AnnotationJob;
import dev.shortlease.domain.AnnotationJobId;
import dev.shortlease.domain.AnnotationJobStatus;
import dev.shortlease.domain.AnnotationReplyAction;
import dev.shortlease.domain.AnnotationReplySettings;
import dev.shortlease.domain.AnnotationText;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.ComputedEmbedding;
import dev.shortlease.domain.EmbeddingVector;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@code AnnotationsPort}, {@code AnnotationIndexPort} and {@code AnnotationJobsPort}:
 * annotations, their vectors, reply settings and jobs, as stored. {@link #ports()} is called in
 * this class's {@code @BeforeEach}, which runs before a subclass's own.
 */
public abstract class AnnotationStorageContract extends PortContract {
  private static final String KEY = "test:model";
  private PortSet c;
  private AppId app;

  /**
   * Moves the job's {@code updatedAt} {@code age} into the past, by the store's own clock (the one
   * that stamps it): on a database {@code updated_at = current_timestamp - age}.
   */
  protected abstract void backdateJob(AnnotationJobId id, Duration age);

  @BeforeEach
  void portsAndApp() {
    c = ports();
    app = newApp();
  }

  private Annotation create(String question, String answer) {
    return c.annotations().createAnnotation(app, new AnnotationText(question, answer));
  }

  private static EmbeddingVector vector(float... values) {
    return new EmbeddingVector(values);
  }

  private void enable() {
    c.annotationIndex()
        .saveReplySettings(app, new AnnotationReplySettings(0.8, "simulated", "simulated", KEY));
  }

  @Test
  @DisplayName("list: newest first, numbered pages, total, keyword taken literally, scoped by app")
  void list() {
    create("What is 100%?", "All of it.");
    create("snake_case?", "Words_joined.");
    create("Plain question", "Plain answer");
    var other = newApp();
    c.annotations().createAnnotation(other, new AnnotationText("What is 100%?", "Theirs."));

    var first = c.annotations().listAnnotations(app, 1, 2, "");
    assertThat(first.total()).isEqualTo(3);
    assertThat(first.items())
        .extracting(a -> a.text().question())
        .containsExactly("Plain question", "snake_case?");
    assertThat(c.annotations().listAnnotations(app, 2, 2, "").items()).hasSize(1);
    assertThat(c.annotations().listAnnotations(app, 1, 20, "100%").items())
        .extracting(a -> a.text().answer())
        .containsExactly("All of it.");
    assertThat(c.annotations().listAnnotations(app, 1, 20, "_").total())
        .as("_ is no wildcard")
        .isEqualTo(1);
    assertThat(c.annotations().listAnnotations(app, 1, 20, "PLAIN ANSWER").total()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "vectors: stored only for the question they were computed from, read back newest"
          + " first and bounded; the version moves with every change")
  void vectors() {
    Annotation older = create("Old?", "Old.");
    Annotation newer = create("New?", "New.");
    assertThat(c.annotationIndex().readIndex(app, -1, 10)).as("reply off").isEmpty();
    enable();
    assertThat(c.annotationIndex().annotationsToEmbed(app, KEY, 10))
        .extracting(p -> p.question())
        .containsExactly("Old?", "New?");

    int stored =
        c.annotationIndex()
            .storeEmbeddings(
                app,
                KEY,
                List.of(
                    new ComputedEmbedding(older.id(), "Old?", vector(1, 0)),
                    new ComputedEmbedding(newer.id(), "Changed meanwhile?", vector(0, 1))));
    assertThat(stored).isEqualTo(1);
    assertThat(c.annotationIndex().annotationsToEmbed(app, KEY, 10))
        .extracting(p -> p.id())
        .containsExactly(newer.id());
    c.annotationIndex()
        .storeEmbeddings(
            app, KEY, List.of(new ComputedEmbedding(newer.id(), "New?", vector(0, 1))));

    AnnotationIndex index = c.annotationIndex().readIndex(app, -1, 10).orElseThrow();
    assertThat(index.changed()).isTrue();
    assertThat(index.settings().modelKey()).isEqualTo(KEY);
    assertThat(index.vectors()).extracting(v -> v.id()).containsExactly(newer.id(), older.id());
    assertThat(index.vectors().get(1).vector()).isEqualTo(vector(1, 0));
    AnnotationIndex bounded = c.annotationIndex().readIndex(app, -1, 1).orElseThrow();
    assertThat(bounded.vectors()).extracting(v -> v.id()).containsExactly(newer.id());
    assertThat(bounded.truncated()).isTrue();

    AnnotationIndex same = c.annotationIndex().readIndex(app, index.version(), 10).orElseThrow();
    assertThat(same.changed()).isFalse();
    assertThat(same.vectors()).isEmpty();

    c.annotations().updateAnnotation(app, older.id(), new AnnotationText("Old?", "Newer answer."));
    AnnotationIndex answerOnly =
        c.annotationIndex().readIndex(app, same.version(), 10).orElseThrow();
    assertThat(answerOnly.vectors()).as("same question: the vector stays").hasSize(2);
    c.annotations().updateAnnotation(app, older.id(), new AnnotationText("Other?", "Other."));
    AnnotationIndex dropped =
        c.annotationIndex().readIndex(app, answerOnly.version(), 10).orElseThrow();
    assertThat(dropped.vectors()).extracting(v -> v.id()).containsExactly(newer.id());

    c.annotationIndex().removeReplySettings(app);
    assertThat(c.annotationIndex().readIndex(app, -1, 10)).isEmpty();
    assertThat(c.annotationIndex().findReplySettings(app)).isEmpty();
    enable();
    assertThat(c.annotationIndex().readIndex(app, -1, 10).orElseThrow().vectors())
        .as("vectors survive a disable")
        .hasSize(1);
  }

  @Test
  @DisplayName(
      "vectors: a delete takes its vector out and moves the version; another app's annotation"
          + " takes no vector; vectors of another model are neither read nor taken as done")
  void vectorsFollowDeletesAndTheModel() {
    Annotation kept = create("Kept?", "Kept.");
    Annotation gone = create("Gone?", "Gone.");
    enable();
    c.annotationIndex()
        .storeEmbeddings(
            app,
            KEY,
            List.of(
                new ComputedEmbedding(kept.id(), "Kept?", vector(1, 0)),
                new ComputedEmbedding(gone.id(), "Gone?", vector(0, 1))));
    AnnotationIndex both = c.annotationIndex().readIndex(app, -1, 10).orElseThrow();
    assertThat(both.vectors()).hasSize(2);
    assertThat(
            c.annotationIndex()
                .storeEmbeddings(
                    newApp(),
                    KEY,
                    List.of(new ComputedEmbedding(kept.id(), "Kept?", vector(0, 1)))))
        .as("another app's store")
        .isZero();

    assertThat(c.annotations().deleteAnnotation(app, gone.id())).isTrue();
    AnnotationIndex afterDelete =
        c.annotationIndex().readIndex(app, both.version(), 10).orElseThrow();
    assertThat(afterDelete.changed()).as("a delete moves the version").isTrue();
    assertThat(afterDelete.vectors()).extracting(v -> v.id()).containsExactly(kept.id());
    assertThat(afterDelete.vectors().get(0).vector()).isEqualTo(vector(1, 0));

    String otherKey = "test:other-model";
    c.annotationIndex()
        .saveReplySettings(app, new AnnotationReplySettings(0.5, "simulated", "other", otherKey));
    assertThat(c.annotationIndex().findReplySettings(app).orElseThrow().modelKey())
        .isEqualTo(otherKey);
    AnnotationIndex otherModel =
        c.annotationIndex().readIndex(app, afterDelete.version(), 10).orElseThrow();
    assertThat(otherModel.changed()).as("new settings move the version").isTrue();
    assertThat(otherModel.vectors()).as("vectors of another model are never read").isEmpty();
    assertThat(c.annotationIndex().annotationsToEmbed(app, otherKey, 10))
        .extracting(p -> p.id())
        .containsExactly(kept.id());
    assertThat(c.annotationIndex().annotationsToEmbed(app, KEY, 10)).isEmpty();
  }

  @Test
  @DisplayName("a hit counts and is kept; a deleted annotation takes its hits and counts no more")
  void hits() {
    Annotation a = create("Q?", "A.");
    Owner owner = new Owner(app, new EndUserId(UUID.randomUUID()));
    AnnotationHit hit = new AnnotationHit(a.id(), owner, MessageId.random(), "q", 0.97);

    assertThat(c.annotations().recordHit(hit).orElseThrow().hitCount()).isEqualTo(1);
    assertThat(c.annotations().recordHit(hit).orElseThrow().hitCount()).isEqualTo(2);
    Owner stranger = new Owner(newApp(), owner.endUserId());
    assertThat(
            c.annotations()
                .recordHit(new AnnotationHit(a.id(), stranger, MessageId.random(), "q", 1)))
        .isEmpty();
    assertThat(c.annotations().deleteAnnotation(stranger.appId(), a.id())).isFalse();
    assertThat(c.annotations().deleteAnnotation(app, a.id())).isTrue();
    assertThat(c.annotations().recordHit(hit)).isEmpty();
    assertThat(c.annotations().deleteAnnotation(app, a.id())).isFalse();
  }

  @Test
  @DisplayName(
      "jobs: stored per app, status and error kept, the active one found; stale by the"
          + " database's clock")
  void jobs() {
    Duration staleAfter = Duration.ofMinutes(10);
    AnnotationJobId id = AnnotationJobId.random();
    var created = c.annotationJobs().startJob(id, app, AnnotationReplyAction.ENABLE, staleAfter);
    assertThat(created.id()).isEqualTo(id);
    assertThat(created.status()).isEqualTo(AnnotationJobStatus.WAITING);
    assertThat(created.updatedAt()).isNotNull();
    assertThat(created.stalled()).isFalse();
    assertThat(
            c.annotationJobs()
                .startJob(AnnotationJobId.random(), app, AnnotationReplyAction.ENABLE, staleAfter)
                .id())
        .as("the active one is found")
        .isEqualTo(id);
    AnnotationJobId disable = AnnotationJobId.random();
    assertThat(
            c.annotationJobs()
                .startJob(disable, app, AnnotationReplyAction.DISABLE, staleAfter)
                .id())
        .as("another action's job is no obstacle")
        .isEqualTo(disable);

    backdateJob(id, Duration.ofMinutes(9));
    assertThat(c.annotationJobs().findJob(app, id, staleAfter).orElseThrow().stalled())
        .as("not moved for 9 minutes")
        .isFalse();
    assertThat(
            c.annotationJobs()
                .startJob(AnnotationJobId.random(), app, AnnotationReplyAction.ENABLE, staleAfter)
                .id())
        .as("not moved for 9 minutes: still the active one")
        .isEqualTo(id);
    backdateJob(id, Duration.ofMinutes(11));
    assertThat(c.annotationJobs().findJob(app, id, staleAfter).orElseThrow().stalled())
        .as("not moved for 11 minutes, by the database's clock")
        .isTrue();
    assertThat(c.annotationJobs().findJob(app, id, Duration.ofMinutes(12)).orElseThrow().stalled())
        .as("judged by the age asked about")
        .isFalse();
    AnnotationJobId afterStale = AnnotationJobId.random();
    assertThat(
            c.annotationJobs()
                .startJob(afterStale, app, AnnotationReplyAction.ENABLE, staleAfter)
                .id())
        .as("a job that has not moved for longer than the age is stale: a new one starts")
        .isEqualTo(afterStale);

    assertThat(c.annotationJobs().updateJob(afterStale, AnnotationJobStatus.COMPLETED, ""))
        .isTrue();
    assertThat(c.annotationJobs().updateJob(id, AnnotationJobStatus.ERROR, "model refused"))
        .isTrue();
    AnnotationJobId unknown = AnnotationJobId.random();
    assertThat(c.annotationJobs().updateJob(unknown, AnnotationJobStatus.COMPLETED, ""))
        .as("no job with this ID: nothing changes, and the caller is told")
        .isFalse();
    assertThat(c.annotationJobs().findJob(app, unknown, staleAfter)).isEmpty();
    var failed = c.annotationJobs().findJob(app, id, staleAfter).orElseThrow();
    assertThat(failed.status()).isEqualTo(AnnotationJobStatus.ERROR);
    assertThat(failed.errorMessage()).isEqualTo("model refused");
    backdateJob(afterStale, Duration.ofMinutes(11));
    assertThat(c.annotationJobs().findJob(app, afterStale, staleAfter).orElseThrow().stalled())
        .as("an ended job is never stalled")
        .isFalse();
    AnnotationJobId next = AnnotationJobId.random();
    assertThat(
            c.annotationJobs().startJob(next, app, AnnotationReplyAction.ENABLE, staleAfter).id())
        .as("ended jobs are not active")
        .isEqualTo(next);
    assertThat(c.annotationJobs().findJob(newApp(), id, staleAfter)).as("another app's").isEmpty();
  }

  @Test
  @DisplayName("jobs: a start for an app that does not exist is refused as not found, unwritten")
  void jobOfAMissingApp() {
    AppId missing = AppId.random();
    AnnotationJobId id = AnnotationJobId.random();
    assertThatThrownBy(
            () ->
                c.annotationJobs()
                    .startJob(id, missing, AnnotationReplyAction.ENABLE, Duration.ofMinutes(10)))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.what()).isEqualTo("app"));
    assertThat(c.annotationJobs().findJob(missing, id, Duration.ofMinutes(10))).isEmpty();
  }

  @Test
  @DisplayName("a create for an app that does not exist is refused as not found and writes nothing")
  void createForAMissingApp() {
    AppId missing = AppId.random();
    assertThatThrownBy(
            () -> c.annotations().createAnnotation(missing, new AnnotationText("Q?", "A.")))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.what()).isEqualTo("app"));
    assertThat(c.annotations().listAnnotations(missing, 1, 20, "").total()).isZero();
  }

  @Test
  @DisplayName(
      "reply settings saved for an app that does not exist are refused as not found and not"
          + " stored")
  void replySettingsForAMissingApp() {
    AppId missing = AppId.random();
    assertThatThrownBy(
            () ->
                c.annotationIndex()
                    .saveReplySettings(
                        missing, new AnnotationReplySettings(0.8, "simulated", "simulated", KEY)))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.what()).isEqualTo("app"));
    assertThat(c.annotationIndex().findReplySettings(missing)).isEmpty();
    assertThat(c.annotationIndex().readIndex(missing, -1, 10)).isEmpty();
  }

  @Test
  @DisplayName(
      "the other writes naming an app that does not exist find nothing, as another app's would,"
          + " and change nothing")
  void otherWritesOfAMissingApp() {
    Annotation mine = create("Mine?", "Mine.");
    enable();
    long version = c.annotationIndex().readIndex(app, -1, 10).orElseThrow().version();
    AppId missing = AppId.random();
    Owner stranger = new Owner(missing, new EndUserId(UUID.randomUUID()));

    assertThat(c.annotations().updateAnnotation(missing, mine.id(), new AnnotationText("X?", "X.")))
        .isEmpty();
    assertThat(c.annotations().deleteAnnotation(missing, mine.id())).isFalse();
    assertThat(
            c.annotations()
                .recordHit(new AnnotationHit(mine.id(), stranger, MessageId.random(), "q", 1)))
        .isEmpty();
    assertThat(
            c.annotationIndex()
                .storeEmbeddings(
                    missing, KEY, List.of(new ComputedEmbedding(mine.id(), "Mine?", vector(1)))))
        .isZero();
    c.annotationIndex().removeReplySettings(missing);

    assertThat(c.annotations().listAnnotations(app, 1, 20, "").items())
        .as("text and hit count unchanged")
        .containsExactly(mine);
    AnnotationIndex index = c.annotationIndex().readIndex(app, -1, 10).orElseThrow();
    assertThat(index.version()).as("the app's index did not move").isEqualTo(version);
    assertThat(index.vectors()).isEmpty();
    assertThat(c.annotationIndex().findReplySettings(missing)).isEmpty();
  }

  @Test
  @DisplayName("jobs: concurrent starts for one app share one job; another app's start is its own")
  void concurrentStartsShareOneJob() throws Exception {
    int threads = 8;
    Duration staleAfter = Duration.ofHours(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 10; round++) {
        AppId contended = newApp();
        CyclicBarrier go = new CyclicBarrier(threads);
        List<Future<AnnotationJob>> starts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          starts.add(
              pool.submit(
                  () -> {
                    go.await();
                    return c.annotationJobs()
                        .startJob(
                            AnnotationJobId.random(),
                            contended,
                            AnnotationReplyAction.ENABLE,
                            staleAfter);
                  }));
        }
        Set<AnnotationJobId> ids = new HashSet<>();
        for (Future<AnnotationJob> start : starts) {
          ids.add(start.get(30, TimeUnit.SECONDS).id());
        }

        assertThat(ids).as("round %d: the jobs the starts got", round).hasSize(1);
        AnnotationJobId only = ids.iterator().next();
        assertThat(c.annotationJobs().findJob(contended, only, staleAfter)).isPresent();
      }
      AnnotationJobId own = AnnotationJobId.random();
      assertThat(
              c.annotationJobs().startJob(own, app, AnnotationReplyAction.ENABLE, staleAfter).id())
          .isEqualTo(own);
    } finally {
      pool.shutdownNow();
    }
  }
}
