package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.application.port.in.RecoverAbandonedMessagesUseCase;
import dev.shortlease.domain.StorageUnavailableException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecoverySweepTest {

  @Test
  @DisplayName("recovers at start, then again every interval, and keeps going after a failed sweep")
  void sweepsPeriodicallyThroughFailures() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    RecoverAbandonedMessagesUseCase flaky =
        () -> {
          if (calls.incrementAndGet() == 2) {
            throw new StorageUnavailableException("pool exhausted", null);
          }
          return 0;
        };

    try (RecoverySweep sweep = RecoverySweep.start(flaky, Duration.ofMillis(10))) {
      assertThat(calls).as("once at start, synchronously").hasValueGreaterThanOrEqualTo(1);
      awaitAtLeast(calls, 4);
    }
  }

  @Test
  @DisplayName("stops sweeping when closed")
  void closeStops() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    RecoverySweep sweep = RecoverySweep.start(calls::incrementAndGet, Duration.ofMillis(10));
    awaitAtLeast(calls, 2);

    sweep.close();
    TimeUnit.MILLISECONDS.sleep(30); // a sweep already running may still finish
    int afterClose = calls.get();
    TimeUnit.MILLISECONDS.sleep(100);

    assertThat(calls).hasValue(afterClose);
  }

  @Test
  @DisplayName("a failure of the start-up recovery fails the start")
  void startupFailureIsThrown() {
    RecoverAbandonedMessagesUseCase down =
        () -> {
          throw new StorageUnavailableException("database down", null);
        };

    assertThatThrownBy(() -> RecoverySweep.start(down, Duration.ofMinutes(1)))
        .isInstanceOf(StorageUnavailableException.class);
  }

  private static void awaitAtLeast(AtomicInteger calls, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (calls.get() < expected && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(5);
    }
    assertThat(calls).hasValueGreaterThanOrEqualTo(expected);
  }
}
