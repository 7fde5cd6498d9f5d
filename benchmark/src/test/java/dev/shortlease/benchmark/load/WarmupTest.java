package dev.shortlease.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WarmupTest {

  private static final Duration MS_50 = Duration.ofMillis(50);

  @Test
  @DisplayName("a settled service ends the warm-up at its minimum, without asking before it")
  void settledEndsAtTheMinimum() throws InterruptedException {
    AtomicInteger asked = new AtomicInteger();
    Warmup warmup =
        new Warmup(
            Duration.ofMillis(200),
            Duration.ofSeconds(5),
            MS_50,
            () -> asked.incrementAndGet() > 0);

    long start = System.nanoTime();
    long end = warmup.await(start);

    assertThat(Duration.ofNanos(end - start))
        .isBetween(Duration.ofMillis(200), Duration.ofSeconds(2));
    assertThat(asked).hasValue(1);
  }

  @Test
  @DisplayName("the warm-up goes on until the service settles")
  void waitsUntilSettled() throws InterruptedException {
    AtomicInteger asked = new AtomicInteger();
    Warmup warmup =
        new Warmup(Duration.ZERO, Duration.ofSeconds(5), MS_50, () -> asked.incrementAndGet() >= 4);

    long start = System.nanoTime();
    long end = warmup.await(start);

    assertThat(asked).hasValue(4);
    assertThat(Duration.ofNanos(end - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  @DisplayName("a service that never settles is measured once the maximum is reached")
  void stopsAtTheMaximum() throws InterruptedException {
    Warmup warmup = new Warmup(Duration.ofMillis(100), Duration.ofMillis(300), MS_50, () -> false);

    long start = System.nanoTime();
    long end = warmup.await(start);

    assertThat(Duration.ofNanos(end - start))
        .isBetween(Duration.ofMillis(300), Duration.ofMillis(2000));
  }

  @Test
  @DisplayName("fixed warm-ups last exactly their duration; a maximum below the minimum is refused")
  void fixedAndInvalid() {
    Warmup fixed = Warmup.fixed(Duration.ofSeconds(3));
    assertThat(fixed.minimum()).isEqualTo(fixed.maximum()).isEqualTo(Duration.ofSeconds(3));
    assertThatThrownBy(
            () -> new Warmup(Duration.ofSeconds(2), Duration.ofSeconds(1), MS_50, () -> true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
