package dev.shortlease.application.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.application.port.out.StopSignal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A message's images are read side by side, bounded, in order; one failure ends all")
class ParallelReadsTest {
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger mostAtOnce = new AtomicInteger();

  /** A read that takes {@code millis}, counting how many run at once. */
  private String slowly(int item, long millis) {
    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      running.decrementAndGet();
    }
    return "image " + item;
  }

  /** A read that lasts until its stop is raised, then fails as a cancelled download does. */
  private static String untilStopped(StopSignal stop, CountDownLatch ended) {
    CountDownLatch stopped = new CountDownLatch(1);
    stop.onRequest(stopped::countDown);
    try {
      stopped.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ended.countDown();
    throw new IllegalStateException("stopped");
  }

  @Test
  @DisplayName("the answers keep the items' order; at most three run at once, and they do")
  void boundedAndInOrder() {
    List<Integer> items = IntStream.range(0, 7).boxed().toList();

    StopSignal run = new StopSignal();
    List<String> read =
        ParallelReads.inOrder(items, run, (item, stop) -> slowly(item, 200 - item * 20L));

    assertThat(read).containsExactly(items.stream().map(i -> "image " + i).toArray(String[]::new));
    assertThat(mostAtOnce).hasValue(ParallelReads.AT_ONCE);
    assertThat(run.registered()).as("the run's stop no longer forwards to the reads").isZero();
  }

  @Test
  @DisplayName("the first failure is thrown at once and the other reads are stopped")
  void firstFailureStopsTheOthers() throws Exception {
    CountDownLatch ended = new CountDownLatch(2);
    IllegalArgumentException refused = new IllegalArgumentException("refused");

    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                ParallelReads.inOrder(
                    List.of("hangs", "fails", "hangs too"),
                    StopSignal.never(),
                    (item, stop) -> {
                      if (item.equals("fails")) {
                        slowly(0, 100);
                        throw refused;
                      }
                      return untilStopped(stop, ended);
                    }))
        .isSameAs(refused);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(ended.getCount()).as("reads still going after the call").isZero();
  }

  @Test
  @DisplayName("the run's stop stops every read")
  void runStopStopsAll() {
    StopSignal run = new StopSignal();
    CountDownLatch ended = new CountDownLatch(2);
    Thread.ofVirtual()
        .start(
            () -> {
              slowly(0, 200);
              run.request();
            });

    assertThatThrownBy(
            () ->
                ParallelReads.inOrder(
                    List.of(1, 2), run, (item, stop) -> untilStopped(stop, ended)))
        .hasMessage("stopped");
    assertThat(ended.getCount()).isZero();
  }
}
