package dev.shortlease.guardrails.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.shortlease.guardrails.guard.ConnectionTracker;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs fixture test classes through the JUnit Platform and reads how they ended. */
class PoolIdleExtensionTest {

  static DataSource h2(ConnectionTracker tracker) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:ext-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return tracker.wrap(h2);
  }

  /** Fixture: one test leaves a connection open, one does not. Found through its field. */
  @ExtendWith(PoolIdleExtension.class)
  static class FieldFixture {
    static Connection leaked;
    final ConnectionTracker tracker = ConnectionTracker.create();
    final DataSource dataSource = h2(tracker);

    @Test
    void leavesAConnectionOpen() throws SQLException {
      leaked = dataSource.getConnection();
    }

    @Test
    void closesWhatItOpens() throws SQLException {
      dataSource.getConnection().close();
    }
  }

  /** Fixture: registered with a supplier, detectors must stay silent. */
  static class SilentFixture {
    static final ConnectionTracker TRACKER = ConnectionTracker.create();

    @RegisterExtension
    static final PoolIdleExtension IDLE =
        PoolIdleExtension.of(() -> TRACKER).requireSilentDetectors();

    @Test
    void tripsTheGuard() {
      TRACKER.recordGuardViolation("somewhere");
    }

    @Test
    void staysQuiet() {}
  }

  /** Fixture: no tracker at all. */
  @ExtendWith(PoolIdleExtension.class)
  static class NoTrackerFixture {
    @Test
    void anything() {}
  }

  @Test
  @DisplayName("a test that leaves a connection checked out fails, naming where it was acquired")
  void failsALeakingTest() throws SQLException {
    TestExecutionSummary summary = run(FieldFixture.class);
    FieldFixture.leaked.close();

    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(failures(summary))
        .singleElement()
        .asString()
        .contains("the test left the pool busy")
        .contains("FieldFixture.leavesAConnectionOpen");
  }

  @Test
  @DisplayName("with requireSilentDetectors, a test that counted a guard violation fails")
  void failsATestThatTrippedADetector() {
    TestExecutionSummary summary = run(SilentFixture.class);

    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(failures(summary))
        .singleElement()
        .asString()
        .contains("1 long-call guard violation");
  }

  @Test
  @DisplayName("a test class without a tracker is told how to give it one")
  void failsWithoutATracker() {
    assertThat(failures(run(NoTrackerFixture.class)))
        .singleElement()
        .asString()
        .contains("found no ConnectionTracker");
  }

  private static TestExecutionSummary run(Class<?> fixture) {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture)).build(),
        listener);
    return listener.getSummary();
  }

  private static List<String> failures(TestExecutionSummary summary) {
    return summary.getFailures().stream()
        .map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException().getMessage())
        .toList();
  }
}
