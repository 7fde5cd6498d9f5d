package dev.shortlease.application.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.application.AnnotationSettings;
import dev.shortlease.domain.AnnotationIndex;
import dev.shortlease.domain.AnnotationReplySettings;
import dev.shortlease.domain.AppId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** When the cache of "reply is off" reads the database again. */
class AnnotationIndexCacheTest {
  private static final AppId APP = AppId.random();

  private final PausingIndex index = new PausingIndex();
  // "Off" runs out at once: every lookup after the first finds it expired.
  private final AnnotationIndexCache cache =
      new AnnotationIndexCache(index, new AnnotationSettings(100, 10, 10, 1_000, Duration.ZERO));

  @Test
  @DisplayName("when 'off' runs out, one lookup reads again and the others are still told 'off'")
  void oneLookupRereadsAnExpiredOff() throws Exception {
    assertThat(cache.current(APP)).isEmpty();
    CountDownLatch release = new CountDownLatch(1);
    index.pause = release;

    var rereading =
        CompletableFuture.supplyAsync(() -> cache.current(APP), Thread.ofVirtual()::start);
    assertThat(index.reading.await(5, TimeUnit.SECONDS))
        .as("the reread reached the store")
        .isTrue();
    for (int i = 0; i < 50; i++) {
      assertThat(cache.current(APP)).isEmpty();
    }
    assertThat(index.reads).as("the first read and the one under way").hasValue(2);
    release.countDown();

    assertThat(rereading.get(5, TimeUnit.SECONDS)).isEmpty();
    assertThat(cache.current(APP)).as("nobody rereading now: this lookup reads").isEmpty();
    assertThat(index.reads).hasValue(3);
  }

  @Test
  @DisplayName("a reread that fails lets the next lookup read again")
  void failedRereadIsNotStuck() {
    assertThat(cache.current(APP)).isEmpty();
    index.failing = true;
    try {
      cache.current(APP);
    } catch (IllegalStateException expected) {
      // the store is away
    }
    index.failing = false;
    index.enabled = true;

    assertThat(cache.current(APP)).isPresent();
  }

  /** Reply off unless enabled; a read can be held until released, or fail. */
  private static final class PausingIndex extends ReadOnlyIndex {
    final AtomicInteger reads = new AtomicInteger();
    final CountDownLatch reading = new CountDownLatch(1);
    volatile CountDownLatch pause;
    volatile boolean enabled;
    volatile boolean failing;

    @Override
    public Optional<AnnotationIndex> readIndex(AppId app, long knownVersion, int maxVectors) {
      reads.incrementAndGet();
      if (failing) {
        throw new IllegalStateException("the database is away");
      }
      CountDownLatch held = pause;
      if (held != null) {
        pause = null;
        reading.countDown();
        try {
          held.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return enabled
          ? Optional.of(
              new AnnotationIndex(
                  new AnnotationReplySettings(0.9, "p", "m", "k"), 1, true, List.of(), false))
          : Optional.empty();
    }
  }
}
