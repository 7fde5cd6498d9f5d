package dev.shortlease.guardrails.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LongHoldSweepTest {
  private static final Duration THRESHOLD = Duration.ofMillis(300);

  private final TrackedH2 db = new TrackedH2();
  private final ListAppender<ILoggingEvent> logs = TrackedH2.captureLogs(LongHoldSweep.class);

  @AfterEach
  void stopCapturing() {
    logs.stop();
  }

  @Test
  @DisplayName(
      "a connection held past the threshold is warned about once, naming its taker and stack")
  void longHoldIsReportedOnce() throws Exception {
    LongHoldSweep sweep = new LongHoldSweep(db.tracker, THRESHOLD);
    try (Connection held = holdTooLong()) {
      db.open().close(); // returned in time: never reported
      Thread.sleep(THRESHOLD.toMillis() + 100);

      assertThat(sweep.sweep()).singleElement().extracting(LongHold::connectionId).isEqualTo("1");
      assertThat(sweep.sweep()).as("a second sweep reports nothing new").isEmpty();
      assertThat(sweep.sweep()).isEmpty();
    }

    List<String> warnings = TrackedH2.warnings(logs);
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains(
            "held longer than 300 ms",
            "connection 1 taken by thread " + Thread.currentThread().getName(),
            "held for ",
            "LongHoldSweepTest.holdTooLong");
    assertThat(db.tracker.leaks()).as("the leak check's counter is not the sweep's").isZero();
  }

  @Test
  @DisplayName("a connection held for less than the threshold is not reported")
  void shortHoldIsNotReported() throws Exception {
    try (Connection held = holdTooLong()) {
      assertThat(new LongHoldSweep(db.tracker, Duration.ofHours(1)).sweep()).isEmpty();
    }
    assertThat(TrackedH2.warnings(logs)).isEmpty();
  }

  @Test
  @DisplayName(
      "a reported connection that is returned is logged once at INFO and not reported again")
  void returnAfterReportIsLoggedOnce() throws Exception {
    LongHoldSweep sweep = new LongHoldSweep(db.tracker, THRESHOLD);
    Connection held = holdTooLong();
    Thread.sleep(THRESHOLD.toMillis() + 100);
    assertThat(sweep.sweep()).hasSize(1);

    held.close();
    assertThat(sweep.sweep()).isEmpty();
    assertThat(sweep.sweep()).isEmpty();

    assertThat(TrackedH2.warnings(logs)).hasSize(1);
    assertThat(infos()).singleElement().asString().contains("connection 1 ", "has been returned");
  }

  @Test
  @DisplayName("started, it sweeps on its own daemon platform thread until closed")
  void startedSweepRunsUntilClosed() throws Exception {
    LongHoldSweep sweep = LongHoldSweep.start(db.tracker, THRESHOLD);
    try (Connection held = holdTooLong()) {
      assertThat(sweep.isRunning()).isTrue();
      assertThat(sweep.period()).isEqualTo(Duration.ofMillis(150));
      Thread sweeper =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getName().equals("long-hold-sweep-test"))
              .findFirst()
              .orElseThrow();
      assertThat(sweeper.isDaemon()).isTrue();
      assertThat(sweeper.isVirtual()).isFalse();

      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (TrackedH2.warnings(logs).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Thread.sleep(4 * sweep.period().toMillis()); // several more sweeps
      assertThat(TrackedH2.warnings(logs)).singleElement().asString().contains("connection 1 ");
    } finally {
      sweep.close();
    }
    assertThat(sweep.isRunning()).isFalse();
  }

  @Test
  @DisplayName("a threshold of zero or less is refused")
  void thresholdMustBePositive() {
    assertThatThrownBy(() -> new LongHoldSweep(db.tracker, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LongHoldSweep(db.tracker, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new LongHoldSweep(db.tracker, THRESHOLD).isRunning()).isFalse();
  }

  private Connection holdTooLong() throws SQLException {
    return db.dataSource.getConnection();
  }

  private List<String> infos() {
    return logs.list.stream()
        .filter(event -> event.getLevel() == Level.INFO)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }
}
