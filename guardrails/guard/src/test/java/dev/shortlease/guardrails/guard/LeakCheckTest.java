package dev.shortlease.guardrails.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LeakCheckTest {

  /** A test-only use case (package-private on purpose: the proxy must cope). */
  interface CountRowsUseCase {
    int countRows(boolean leak);
  }

  private final TrackedH2 db = new TrackedH2();
  private final List<Connection> leaked = new ArrayList<>();
  private final ListAppender<ILoggingEvent> logs = TrackedH2.captureLogs(LeakCheck.class);

  private final CountRowsUseCase service =
      leak -> {
        Connection connection = openInsideTheUseCase();
        if (leak) {
          leaked.add(connection); // the deliberate bug: a session outlives the use case
        } else {
          close(connection);
        }
        return 1;
      };

  @AfterEach
  void cleanUp() throws SQLException {
    logs.stop();
    for (Connection connection : leaked) {
      connection.close();
    }
  }

  @Test
  @DisplayName("a use case that returns holding a new connection is logged by name and counted")
  void leakIsReported() {
    CountRowsUseCase checked = LeakCheck.wrap(CountRowsUseCase.class, service, db.tracker);

    assertThat(checked.countRows(true)).isEqualTo(1);

    assertThat(db.tracker.leaks()).isEqualTo(1);
    assertThat(TrackedH2.warnings(logs))
        .singleElement()
        .asString()
        .contains(
            "CountRowsUseCase.countRows(boolean)",
            "1 more connection",
            "LeakCheckTest.openInsideTheUseCase");
  }

  @Test
  @DisplayName("a use case that closes what it opened is silent")
  void noLeakNoReport() {
    CountRowsUseCase checked = LeakCheck.wrap(CountRowsUseCase.class, service, db.tracker);

    assertThat(checked.countRows(false)).isEqualTo(1);

    assertThat(db.tracker.leaks()).isZero();
    assertThat(TrackedH2.warnings(logs)).isEmpty();
    assertThat(LeakCheck.isChecked(checked)).isTrue();
    assertThat(LeakCheck.isChecked(service)).isFalse();
  }

  @Test
  @DisplayName("each call is a unit of work: a thread the use case starts sees what the call holds")
  void eachCallIsAUnitOfWork() {
    CountRowsUseCase startsAThread =
        leak -> {
          try (Connection held = db.open()) {
            int[] seen = new int[1];
            Thread.ofVirtual().start(() -> seen[0] = db.tracker.heldByCurrentWork()).join();
            return seen[0];
          } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
          }
        };
    CountRowsUseCase checked = LeakCheck.wrap(CountRowsUseCase.class, startsAThread, db.tracker);

    assertThat(checked.countRows(false)).isEqualTo(1);
    assertThat(startsAThread.countRows(false)).as("unwrapped: no unit of work").isZero();
  }

  @Test
  @DisplayName("a connection the caller already held is not blamed on the use case")
  void connectionsHeldBeforeTheCallAreNotLeaks() throws SQLException {
    CountRowsUseCase checked = LeakCheck.wrap(CountRowsUseCase.class, service, db.tracker);

    try (Connection callers = db.open()) {
      checked.countRows(false);
    }

    assertThat(db.tracker.leaks()).isZero();
  }

  @Test
  @DisplayName("a use case that leaks and then throws is reported, and its exception kept")
  void leakOnFailureIsReported() {
    IllegalStateException failure = new IllegalStateException("boom");
    CountRowsUseCase failing =
        leak -> {
          service.countRows(true);
          throw failure;
        };
    CountRowsUseCase checked = LeakCheck.wrap(CountRowsUseCase.class, failing, db.tracker);

    assertThatThrownBy(() -> checked.countRows(true)).isSameAs(failure);
    assertThat(db.tracker.leaks()).isEqualTo(1);
  }

  @Test
  @DisplayName("a guard inside a leak check is still recognised as both")
  void decoratorsStack() {
    CountRowsUseCase both =
        LeakCheck.wrap(
            CountRowsUseCase.class,
            LongCallGuard.guard(CountRowsUseCase.class, service, db.tracker, GuardMode.STRICT),
            db.tracker);

    assertThat(LeakCheck.isChecked(both)).isTrue();
    assertThat(LongCallGuard.isGuarded(both)).isTrue();
  }

  private Connection openInsideTheUseCase() {
    return db.open();
  }

  private static void close(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
