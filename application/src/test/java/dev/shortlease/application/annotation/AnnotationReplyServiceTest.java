package dev.shortlease.application.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.application.AnnotationSettings;
import dev.shortlease.application.port.out.EmbeddingModelPort;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.application.testing.CapturedLog;
import dev.shortlease.domain.Annotation;
import dev.shortlease.domain.AnnotationHit;
import dev.shortlease.domain.AnnotationId;
import dev.shortlease.domain.AnnotationIndex;
import dev.shortlease.domain.AnnotationPage;
import dev.shortlease.domain.AnnotationReplySettings;
import dev.shortlease.domain.AnnotationText;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.EmbeddingVector;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.IndexedAnnotation;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.port.AnnotationsPort;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The App Runner's annotation step with fakes: when it embeds, reads, replies, or steps aside. */
class AnnotationReplyServiceTest {
  private static final AppId APP = AppId.random();
  private static final Owner OWNER = new Owner(APP, new EndUserId(UUID.randomUUID()));
  private static final AnnotationId CLOSE = AnnotationId.random();
  private static final AnnotationId FAR = AnnotationId.random();

  private final FakeIndex index = new FakeIndex();
  private final List<String> embedded = new ArrayList<>();
  private RuntimeException embeddingFailure;
  private final EmbeddingModelPort embeddings =
      new EmbeddingModelPort() {
        @Override
        public String modelKey(String model) {
          return "k";
        }

        @Override
        public List<EmbeddingVector> embed(String model, List<String> texts) {
          if (embeddingFailure != null) {
            throw embeddingFailure;
          }
          embedded.addAll(texts);
          return texts.stream().map(t -> new EmbeddingVector(new float[] {1, 0.1f})).toList();
        }
      };
  private final List<AnnotationHit> hits = new ArrayList<>();
  private final AnnotationReplyService service =
      new AnnotationReplyService(
          new AnnotationMatcher(
              new AnnotationIndexCache(
                  index, new AnnotationSettings(100, 10, 10, 1_000, java.time.Duration.ZERO)),
              embeddings),
          new RecordingAnnotations());

  private Optional<Annotation> ask(String query) {
    return service.answer(APP, OWNER, MessageId.random(), query);
  }

  @Test
  @DisplayName("reply off: no embedding call, no reply")
  void off() {
    index.enabled = false;
    assertThat(ask("anything")).isEmpty();
    assertThat(embedded).isEmpty();
  }

  @Test
  @DisplayName("reply off is remembered for the off TTL: chats of such apps read nothing")
  void offIsRemembered() {
    index.enabled = false;
    AnnotationReplyService remembering =
        new AnnotationReplyService(
            new AnnotationMatcher(
                new AnnotationIndexCache(
                    index,
                    new AnnotationSettings(100, 10, 10, 1_000, java.time.Duration.ofMinutes(1))),
                embeddings),
            new RecordingAnnotations());
    remembering.answer(APP, OWNER, MessageId.random(), "a");
    remembering.answer(APP, OWNER, MessageId.random(), "b");
    assertThat(index.indexReads.get()).isEqualTo(1);
  }

  @Test
  @DisplayName("the closest annotation above the threshold replies, and its hit is recorded")
  void replies() {
    Annotation reply = ask("what is it").orElseThrow();
    assertThat(reply.id()).isEqualTo(CLOSE);
    assertThat(hits).singleElement().satisfies(h -> assertThat(h.score()).isGreaterThan(0.99));
    assertThat(embedded).containsExactly("what is it");
  }

  @Test
  @DisplayName("below the threshold: no reply")
  void belowThreshold() {
    index.threshold = 1.0;
    index.version++; // settings change moves the version
    assertThat(ask("what is it")).isEmpty();
    assertThat(hits).isEmpty();
  }

  @Test
  @DisplayName("the vectors are read once and reused while the index version stays")
  void snapshot() {
    ask("a");
    ask("b");
    assertThat(index.vectorReads.get()).isEqualTo(1);
    index.version++;
    ask("c");
    assertThat(index.vectorReads.get()).isEqualTo(2);
    assertThat(index.indexReads.get()).as("one short read per query").isEqualTo(3);
  }

  @Test
  @DisplayName("an app whose vectors alone exceed the memory bound is read again every time")
  void memoryBound() {
    AnnotationReplyService small =
        new AnnotationReplyService(
            new AnnotationMatcher(
                new AnnotationIndexCache(
                    index, new AnnotationSettings(100, 10, 10, 3, java.time.Duration.ZERO)),
                embeddings),
            new RecordingAnnotations());
    small.answer(APP, OWNER, MessageId.random(), "a");
    small.answer(APP, OWNER, MessageId.random(), "b");
    assertThat(index.vectorReads.get()).as("4 floats > 3: not kept").isEqualTo(2);
    assertThat(small.answer(APP, OWNER, MessageId.random(), "c")).isPresent();
  }

  @Test
  @DisplayName("a failing embedding model means no reply (the model answers), not a failed chat")
  void failureStepsAside() {
    embeddingFailure = new ModelException(ModelErrorKind.REQUEST_FAILED, "down");
    assertThat(ask("what is it")).isEmpty();
  }

  @Test
  @DisplayName("the embedding model's error text cannot forge log lines")
  void failureIsLoggedOnOneLine() {
    embeddingFailure =
        new ModelException(ModelErrorKind.REQUEST_FAILED, "down\r\n12:00:00 INFO admin granted");
    try (CapturedLog log = new CapturedLog(AnnotationReplyService.class)) {
      assertThat(ask("what is it")).isEmpty();

      assertThat(log.records())
          .singleElement()
          .extracting(r -> MessageFormat.format(r.getMessage(), r.getParameters()))
          .asString()
          .doesNotContain("\n", "\r")
          .contains("down\\r\\n12:00:00 INFO admin granted");
    }
  }

  /** Reply on with two vectors; counts its reads. */
  private static final class FakeIndex extends ReadOnlyIndex {
    boolean enabled = true;
    double threshold = 0.9;
    long version = 1;
    final AtomicInteger indexReads = new AtomicInteger();
    final AtomicInteger vectorReads = new AtomicInteger();

    @Override
    public Optional<AnnotationIndex> readIndex(AppId app, long knownVersion, int maxVectors) {
      indexReads.incrementAndGet();
      if (!enabled) {
        return Optional.empty();
      }
      var settings = new AnnotationReplySettings(threshold, "p", "m", "k");
      if (knownVersion == version) {
        return Optional.of(new AnnotationIndex(settings, version, false, List.of(), false));
      }
      vectorReads.incrementAndGet();
      return Optional.of(
          new AnnotationIndex(
              settings,
              version,
              true,
              List.of(
                  new IndexedAnnotation(FAR, new EmbeddingVector(new float[] {0, 1})),
                  new IndexedAnnotation(CLOSE, new EmbeddingVector(new float[] {1, 0.2f}))),
              false));
    }
  }

  private final class RecordingAnnotations implements AnnotationsPort {
    @Override
    public AnnotationPage listAnnotations(AppId app, int page, int limit, String keyword) {
      return new AnnotationPage(List.of(), 0);
    }

    @Override
    public Annotation createAnnotation(AppId app, AnnotationText text) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Annotation> updateAnnotation(AppId app, AnnotationId id, AnnotationText text) {
      return Optional.empty();
    }

    @Override
    public boolean deleteAnnotation(AppId app, AnnotationId id) {
      return false;
    }

    @Override
    public Optional<Annotation> recordHit(AnnotationHit hit) {
      hits.add(hit);
      return Optional.of(
          new Annotation(
              hit.annotationId(), APP, new AnnotationText("q", "a"), hits.size(), Instant.now()));
    }
  }
}
