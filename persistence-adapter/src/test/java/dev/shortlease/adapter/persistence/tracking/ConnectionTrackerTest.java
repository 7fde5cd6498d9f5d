package dev.shortlease.adapter.persistence.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConnectionTrackerTest {

  private final ConnectionTracker tracker = new ConnectionTracker();
  private final DataSource dataSource = tracker.wrap(h2());

  private static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:tracker-" + UUID.randomUUID());
    return h2;
  }

  @Test
  @DisplayName("a connection counts as held by its thread from getConnection until close")
  void countsHeldConnectionsUntilClosed() throws Exception {
    assertThat(tracker.heldByCurrentThread()).isZero();

    try (Connection first = dataSource.getConnection();
        Connection second = dataSource.getConnection()) {
      assertThat(tracker.heldByCurrentThread()).isEqualTo(2);
      first.close();
      assertThat(tracker.heldByCurrentThread()).isEqualTo(1);
      assertThat(second.isValid(1)).isTrue();
    }

    assertThat(tracker.heldByCurrentThread()).isZero();
    assertThat(tracker.acquisitions()).isEqualTo(2);
  }

  @Test
  @DisplayName("closing a connection twice does not disturb the count")
  void doubleCloseIsHarmless() throws Exception {
    Connection connection = dataSource.getConnection();
    connection.close();
    connection.close();
    assertThat(tracker.heldByCurrentThread()).isZero();
  }

  @Test
  @DisplayName("a connection held by another thread is not held by the current thread")
  void heldConnectionsArePerThread() throws Exception {
    Connection other = CompletableFuture.supplyAsync(this::open).get();
    try {
      assertThat(tracker.heldByCurrentThread()).isZero();
      assertThat(tracker.describeHeldByCurrentThread()).contains("holds no pooled connection");
    } finally {
      other.close();
    }
  }

  @Test
  @DisplayName(
      "inside a unit of work, a thread it started sees the connection the starting thread holds")
  void unitOfWorkSpansTheThreadsItStarts() throws Exception {
    Connection outsider = CompletableFuture.supplyAsync(this::open).get();
    try (var work = tracker.beginUnitOfWork();
        Connection held = dataSource.getConnection()) {
      var seen =
          new Object() {
            int byThread;
            int byWork;
            String description;
          };
      Thread child =
          Thread.ofVirtual()
              .start(
                  () -> {
                    seen.byThread = tracker.heldByCurrentThread();
                    seen.byWork = tracker.heldByCurrentWork();
                    seen.description = tracker.describeHeldByCurrentWork();
                  });
      child.join();

      assertThat(seen.byThread).isZero();
      assertThat(seen.byWork).as("the held one, not the outsider's").isEqualTo(1);
      assertThat(seen.description)
          .contains("the unit of work of thread")
          .contains("holds 1 pooled connection")
          .contains("taken by thread " + Thread.currentThread().getName());
    } finally {
      outsider.close();
    }
    assertThat(tracker.heldByCurrentWork()).as("closed unit, nothing held").isZero();
  }

  @Test
  @DisplayName("a thread started outside any unit of work shares nothing with its starter")
  void noUnitOfWorkNoSharing() throws Exception {
    try (Connection held = dataSource.getConnection()) {
      int[] seen = new int[1];
      Thread child = Thread.ofVirtual().start(() -> seen[0] = tracker.heldByCurrentWork());
      child.join();

      assertThat(seen[0]).isZero();
      assertThat(tracker.heldByCurrentWork()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("the description names the method that acquired the held connection")
  void describesAcquiringMethod() throws Exception {
    try (Connection connection = acquireInANamedMethod()) {
      String description = tracker.describeHeldByCurrentThread();

      assertThat(description)
          .contains("holds 1 pooled connection")
          .contains("acquireInANamedMethod")
          .doesNotContain("net.ttddyy.dsproxy");
      assertThat(description.lines().filter(l -> l.startsWith("    at "))).hasSizeLessThan(22);
    }
  }

  @Test
  @DisplayName("leak and guard violation counters count what other modules report")
  void countersCount() {
    tracker.recordLeak();
    tracker.recordGuardViolation();
    tracker.recordGuardViolation();

    assertThat(tracker.leaks()).isEqualTo(1);
    assertThat(tracker.guardViolations()).isEqualTo(2);
  }

  private Connection acquireInANamedMethod() throws Exception {
    return dataSource.getConnection();
  }

  private Connection open() {
    try {
      return dataSource.getConnection();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
