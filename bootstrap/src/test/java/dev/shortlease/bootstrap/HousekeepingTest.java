package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.application.port.in.InspectPoolUseCase;
import dev.shortlease.application.port.in.RecoverAbandonedMessagesUseCase;
import dev.shortlease.application.port.in.RelayStopRequestsUseCase;
import dev.shortlease.application.port.in.ReplaySpooledAnswersUseCase;
import dev.shortlease.application.port.out.PoolSnapshot;
import dev.shortlease.domain.StorageUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HousekeepingTest {
  private static final Duration FAST = Duration.ofMillis(10);

  private final AtomicInteger relayed = new AtomicInteger();
  private final AtomicInteger forgotten = new AtomicInteger();
  private final RelayStopRequestsUseCase stops =
      new RelayStopRequestsUseCase() {
        @Override
        public int applyRecent() {
          relayed.incrementAndGet();
          return 0;
        }

        @Override
        public int forgetOld() {
          forgotten.incrementAndGet();
          return 0;
        }
      };

  private final AtomicInteger probes = new AtomicInteger();
  private final InspectPoolUseCase probe =
      new InspectPoolUseCase() {
        @Override
        public PoolSnapshot snapshot() {
          throw new UnsupportedOperationException();
        }

        @Override
        public boolean databaseReady() {
          throw new UnsupportedOperationException();
        }

        @Override
        public void probeDatabase() {
          if (probes.incrementAndGet() == 2) {
            throw new StorageUnavailableException("pool exhausted", null);
          }
        }
      };

  private final AtomicInteger replayed = new AtomicInteger();
  private final ReplaySpooledAnswersUseCase spool =
      () -> {
        if (replayed.incrementAndGet() == 2) {
          throw new StorageUnavailableException("database still down", null);
        }
        return new ReplaySpooledAnswersUseCase.Replayed(0, List.of(), List.of());
      };

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

    try (Housekeeping housekeeping =
        Housekeeping.start(
            flaky, stops, spool, probe, FAST, Duration.ofHours(1), Duration.ofHours(1))) {
      assertThat(calls).as("once at start, synchronously").hasValueGreaterThanOrEqualTo(1);
      awaitAtLeast(calls, 4);
      awaitAtLeast(forgotten, 2);
      awaitAtLeast(replayed, 4); // replays the spool at start and every sweep, through failures
    }
  }

  @Test
  @DisplayName("applies other instances' stop requests every relay interval")
  void relaysStopRequests() throws Exception {
    try (Housekeeping housekeeping =
        Housekeeping.start(
            () -> 0, stops, spool, probe, Duration.ofHours(1), FAST, Duration.ofHours(1))) {
      awaitAtLeast(relayed, 3);
    }
  }

  @Test
  @DisplayName("probes the database at start, then every probe interval, through failures")
  void probesPeriodically() throws Exception {
    try (Housekeeping housekeeping =
        Housekeeping.start(
            () -> 0, stops, spool, probe, Duration.ofHours(1), Duration.ofHours(1), FAST)) {
      awaitAtLeast(probes, 4);
    }
  }

  @Test
  @DisplayName("stops all work when closed")
  void closeStops() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Housekeeping housekeeping =
        Housekeeping.start(
            calls::incrementAndGet, stops, spool, probe, FAST, FAST, Duration.ofHours(1));
    awaitAtLeast(calls, 2);

    housekeeping.close();
    TimeUnit.MILLISECONDS.sleep(30); // a round already running may still finish
    int afterClose = calls.get() + relayed.get();
    TimeUnit.MILLISECONDS.sleep(100);

    assertThat(calls.get() + relayed.get()).isEqualTo(afterClose);
  }

  @Test
  @DisplayName("a failure of the start-up recovery fails the start")
  void startupFailureIsThrown() {
    RecoverAbandonedMessagesUseCase down =
        () -> {
          throw new StorageUnavailableException("database down", null);
        };

    assertThatThrownBy(
            () -> Housekeeping.start(down, stops, spool, probe, FAST, FAST, Duration.ofHours(1)))
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
