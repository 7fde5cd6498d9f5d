package dev.shortlease.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SilenceWatchTest {

  @Test
  @DisplayName("nothing within the timeout: the watch reports silence once")
  void silenceIsReportedOnce() throws Exception {
    CountDownLatch silent = new CountDownLatch(1);
    AtomicInteger reports = new AtomicInteger();
    long start = System.nanoTime();

    SilenceWatch.watch(
        Duration.ofMillis(100),
        () -> start,
        () -> false,
        () -> {
          reports.incrementAndGet();
          silent.countDown();
        });

    assertThat(silent.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(100));
    Thread.sleep(300);
    assertThat(reports).hasValue(1);
  }

  @Test
  @DisplayName("events re-arm the watch from the last one: a slow but steady stream is not silent")
  void eventsKeepItQuiet() throws Exception {
    AtomicLong last = new AtomicLong(System.nanoTime());
    AtomicLong reportedAt = new AtomicLong();
    CountDownLatch silent = new CountDownLatch(1);
    SilenceWatch.watch(
        Duration.ofMillis(150),
        last::get,
        () -> false,
        () -> {
          reportedAt.set(System.nanoTime());
          silent.countDown();
        });

    for (int i = 0; i < 8; i++) { // 8 × 60 ms: three timeouts' worth, never 150 ms quiet
      Thread.sleep(60);
      last.set(System.nanoTime());
    }

    assertThat(silent.getCount()).as("silent while events came").isEqualTo(1);
    assertThat(silent.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(Duration.ofNanos(reportedAt.get() - last.get()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  @DisplayName("a cancelled or ended watch reports nothing and leaves no check queued")
  void cancelledWatchLeavesNothing() throws Exception {
    AtomicBoolean reported = new AtomicBoolean();
    int before = SilenceWatch.pending();
    long now = System.nanoTime();
    SilenceWatch.Watch cancelled =
        SilenceWatch.watch(Duration.ofMillis(80), () -> now, () -> false, () -> reported.set(true));
    SilenceWatch.watch(Duration.ofMillis(80), () -> now, () -> true, () -> reported.set(true));

    cancelled.cancel();
    Thread.sleep(300);

    assertThat(reported).isFalse();
    assertThat(SilenceWatch.pending()).isEqualTo(before);
  }
}
