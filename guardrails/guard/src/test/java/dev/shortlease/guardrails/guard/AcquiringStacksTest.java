package dev.shortlease.guardrails.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AcquiringStacksTest {

  /** A test-only long-call port. */
  public interface ForecastPort {
    String forecast(String city);
  }

  @Test
  @DisplayName("settings parse with either spelling, blank means every checkout, else refused")
  void parsesSettings() {
    assertThat(AcquiringStacks.fromSetting("after-first-report"))
        .isEqualTo(AcquiringStacks.AFTER_FIRST_REPORT);
    assertThat(AcquiringStacks.fromSetting(" EVERY_CHECKOUT "))
        .isEqualTo(AcquiringStacks.EVERY_CHECKOUT);
    assertThat(AcquiringStacks.fromSetting("")).isEqualTo(AcquiringStacks.EVERY_CHECKOUT);
    assertThat(AcquiringStacks.fromSetting(null)).isEqualTo(AcquiringStacks.EVERY_CHECKOUT);
    assertThatThrownBy(() -> AcquiringStacks.fromSetting("sometimes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("every-checkout or after-first-report")
        .hasMessageContaining("'sometimes'");
  }

  @Test
  @DisplayName("a tracker records every checkout's stack unless told otherwise")
  void everyCheckoutByDefault() throws Exception {
    ConnectionTracker tracker = ConnectionTracker.create();
    DataSource dataSource = tracker.wrap(h2());

    assertThat(tracker.acquiringStacks()).isEqualTo(AcquiringStacks.EVERY_CHECKOUT);
    try (Connection first = acquireInANamedMethod(dataSource)) {
      assertThat(tracker.describeHeldByCurrentThread())
          .contains("acquireInANamedMethod")
          .doesNotContain("not recorded");
    }
  }

  @Test
  @DisplayName(
      "after-first-report: the first report has no stack and turns recording on for later ones")
  void firstReportTurnsRecordingOn() throws Exception {
    ConnectionTracker tracker = afterFirstReport();
    DataSource dataSource = tracker.wrap(h2());
    assertThat(tracker.recordingStacks()).isFalse();

    try (Connection unrecorded = acquireInANamedMethod(dataSource)) {
      assertThat(tracker.recordingStacks()).as("a checkout alone records nothing").isFalse();
      assertThat(tracker.describeHeldByCurrentThread())
          .contains("taken by thread " + Thread.currentThread().getName())
          .contains("not recorded")
          .doesNotContain("acquireInANamedMethod")
          .as("the holder's stack now, which keeps the connection")
          .contains(
              "its thread is now at:\n    at "
                  + AcquiringStacksTest.class.getName()
                  + ".firstReportTurnsRecordingOn");
    }
    assertThat(tracker.recordingStacks()).isTrue();

    try (Connection recorded = acquireInANamedMethod(dataSource)) {
      assertThat(tracker.describeHeldByCurrentThread())
          .contains("acquireInANamedMethod")
          .doesNotContain("not recorded");
    }
  }

  @Test
  @DisplayName(
      "after-first-report: a strict guard still refuses the long call, and names the stack "
          + "the next time")
  void guardDetectsWithoutTheStack() throws Exception {
    ConnectionTracker tracker = afterFirstReport();
    DataSource dataSource = tracker.wrap(h2());
    ForecastPort guarded =
        LongCallGuard.guard(ForecastPort.class, city -> "sunny", tracker, GuardMode.STRICT);

    try (Connection held = acquireInANamedMethod(dataSource)) {
      assertThatThrownBy(() -> guarded.forecast("Bergen"))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class)
          .hasMessageContaining("holds 1 pooled connection")
          .hasMessageContaining("not recorded")
          .hasMessageContaining("guardDetectsWithoutTheStack");
    }
    try (Connection held = acquireInANamedMethod(dataSource)) {
      assertThatThrownBy(() -> guarded.forecast("Bergen"))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class)
          .hasMessageContaining("acquireInANamedMethod");
    }
    assertThat(tracker.guardViolations()).isEqualTo(2);
  }

  @Test
  @DisplayName("after-first-report: a long hold's description is a report too")
  void longHoldTurnsRecordingOn() throws Exception {
    ConnectionTracker tracker = afterFirstReport();
    DataSource dataSource = tracker.wrap(h2());

    try (Connection held = acquireInANamedMethod(dataSource)) {
      assertThat(tracker.heldLongerThan(Duration.ZERO))
          .singleElement()
          .satisfies(hold -> assertThat(hold.describe()).contains("not recorded"));
    }
    assertThat(tracker.recordingStacks()).isTrue();
  }

  @Test
  @DisplayName(
      "after-first-report: a report on another thread's lease shows where that thread is now")
  void firstReportShowsTheHolderNow() throws Exception {
    ConnectionTracker tracker = afterFirstReport();
    DataSource dataSource = tracker.wrap(h2());
    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder =
        Thread.ofVirtual()
            .name("holder")
            .start(() -> holdUntilReleased(dataSource, taken, release));
    try {
      taken.await();
      assertThat(tracker.heldLongerThan(Duration.ZERO))
          .singleElement()
          .satisfies(
              hold ->
                  assertThat(hold.describe())
                      .contains("not recorded")
                      .contains("its thread is now at:")
                      .contains("holdUntilReleased"));
    } finally {
      release.countDown();
      holder.join();
    }
  }

  @Test
  @DisplayName("after-first-report: a leak by a thread that has ended says so")
  void firstReportOfAnEndedHolder() throws Exception {
    ConnectionTracker tracker = afterFirstReport();
    DataSource dataSource = tracker.wrap(h2());
    Thread leaker =
        Thread.ofPlatform()
            .name("leaker")
            .start(
                () -> {
                  try {
                    acquireInANamedMethod(dataSource);
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                });
    leaker.join();

    assertThat(tracker.describeOpenLeases())
        .contains("taken by thread leaker")
        .contains("its thread has ended without returning it");
  }

  private static void holdUntilReleased(
      DataSource dataSource, CountDownLatch taken, CountDownLatch release) {
    try (Connection held = dataSource.getConnection()) {
      taken.countDown();
      release.await();
    } catch (SQLException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ConnectionTracker afterFirstReport() {
    return ConnectionTracker.builder()
        .applicationPackages("dev.shortlease.")
        .acquiringStacks(AcquiringStacks.AFTER_FIRST_REPORT)
        .build();
  }

  private static Connection acquireInANamedMethod(DataSource dataSource) throws SQLException {
    return dataSource.getConnection();
  }

  private static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:stacks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }
}
