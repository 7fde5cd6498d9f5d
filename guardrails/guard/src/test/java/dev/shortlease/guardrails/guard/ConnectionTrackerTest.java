package dev.shortlease.guardrails.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConnectionTrackerTest {

  private final TrackedH2 db = new TrackedH2();
  private final ConnectionTracker tracker = db.tracker;

  @Test
  @DisplayName("a connection counts as held by its thread from getConnection until close")
  void countsHeldConnectionsUntilClosed() throws Exception {
    assertThat(tracker.heldByCurrentThread()).isZero();

    try (Connection first = db.open();
        Connection second = db.open()) {
      assertThat(tracker.heldByCurrentThread()).isEqualTo(2);
      assertThat(tracker.openLeases()).isEqualTo(2);
      first.close();
      assertThat(tracker.heldByCurrentThread()).isEqualTo(1);
      assertThat(second.isValid(1)).isTrue();
    }

    assertThat(tracker.heldByCurrentThread()).isZero();
    assertThat(tracker.openLeases()).isZero();
    assertThat(tracker.acquisitions()).isEqualTo(2);
  }

  @Test
  @DisplayName("closing a connection twice does not disturb the count")
  void doubleCloseIsHarmless() throws Exception {
    Connection connection = db.open();
    connection.close();
    connection.close();
    assertThat(tracker.heldByCurrentThread()).isZero();
    assertThat(tracker.leasesEnded()).isEqualTo(1);
  }

  @Test
  @DisplayName("lease time runs from the pool handing the connection out to its return, exactly")
  void leaseTimeExcludesTheWaitForThePool() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:slow-" + UUID.randomUUID());
    DataSource slowPool = slowPool(h2, Duration.ofMillis(40));
    DataSource tracked = tracker.wrap(slowPool);

    long outer = System.nanoTime();
    try (Connection connection = tracked.getConnection()) {
      Thread.sleep(2);
    }
    outer = System.nanoTime() - outer;

    assertThat(tracker.leasesEnded()).isEqualTo(1);
    assertThat(tracker.leaseNanos())
        .as("held about 2 ms after a 40 ms wait for the pool")
        .isBetween(Duration.ofMillis(2).toNanos(), outer - Duration.ofMillis(40).toNanos());
  }

  @Test
  @DisplayName(
      "statements and result sets are the driver's own: the tracker adds nothing per statement")
  void statementsAreNotWrapped() throws Exception {
    try (Connection connection = db.open();
        PreparedStatement statement = connection.prepareStatement("select 1");
        ResultSet rows = statement.executeQuery()) {
      assertThat(Proxy.isProxyClass(connection.getClass())).isFalse();
      assertThat(statement.getClass().getName()).startsWith("org.h2.");
      assertThat(rows.getClass().getName()).startsWith("org.h2.");
      assertThat(rows.next()).isTrue();
      assertThat(connection.unwrap(org.h2.jdbc.JdbcConnection.class)).isNotNull();
    }
    assertThat(tracker.openLeases()).isZero();
  }

  @Test
  @DisplayName("a connection held by another thread is open, but not held by the current thread")
  void heldConnectionsArePerThread() throws Exception {
    Connection other = CompletableFuture.supplyAsync(db::open).get();
    try {
      assertThat(tracker.heldByCurrentThread()).isZero();
      assertThat(tracker.openLeases()).isEqualTo(1);
      assertThat(tracker.describeHeldByCurrentThread()).contains("holds no pooled connection");
      assertThat(tracker.describeOpenLeases()).contains("1 pooled connection(s) checked out");
    } finally {
      other.close();
    }
    assertThat(tracker.describeOpenLeases()).isEqualTo("no pooled connection is checked out");
  }

  @Test
  @DisplayName("the description names the method that acquired the held connection")
  void describesAcquiringMethod() throws Exception {
    try (Connection connection = acquireInANamedMethod()) {
      String description = tracker.describeHeldByCurrentThread();

      assertThat(description)
          .contains("holds 1 pooled connection")
          .contains("acquireInANamedMethod")
          .doesNotContain("net.ttddyy.dsproxy")
          .doesNotContain("ConnectionTracker$Listener")
          .doesNotContain("TrackedDataSource");
      assertThat(description.lines().filter(l -> l.startsWith("    at "))).hasSizeLessThan(22);
    }
  }

  @Test
  @DisplayName("application frames pushed below the cut by a deep framework stack are still shown")
  void showsApplicationFramesBelowTheCut() throws Exception {
    ConnectionTracker narrow =
        ConnectionTracker.builder().applicationPackages(getClass().getName()).build();
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:deep-" + UUID.randomUUID());
    DataSource dataSource = narrow.wrap(h2);

    try (Connection connection = DeepStack.call(40, dataSource::getConnection)) {
      String description = narrow.describeHeldByCurrentThread();

      assertThat(description)
          .contains("DeepStack.call")
          .contains("    ...\n")
          .contains("showsApplicationFramesBelowTheCut");
    }
  }

  @Test
  @DisplayName("leak and guard violation counters count; violations are grouped by call site")
  void countersCount() {
    tracker.recordLeak();
    assertThat(tracker.recordGuardViolation("A.m() <- X")).isTrue();
    assertThat(tracker.recordGuardViolation("A.m() <- X")).isFalse();
    assertThat(tracker.recordGuardViolation("A.m() <- Y")).isTrue();

    assertThat(tracker.leaks()).isEqualTo(1);
    assertThat(tracker.guardViolations()).isEqualTo(3);
    assertThat(tracker.guardViolationsBySite()).containsEntry("A.m() <- X", 2L).hasSize(2);
  }

  private Connection acquireInANamedMethod() {
    return db.open();
  }

  @Test
  @DisplayName("heldLongerThan finds the open connections older than the threshold, oldest first")
  void heldLongerThanFindsOldLeasesOnly() throws Exception {
    try (Connection oldest = db.open();
        Connection older = db.open()) {
      db.open().close(); // connection 3: returned, never found
      Thread.sleep(250);
      try (Connection young = db.open()) {
        List<LongHold> holds = tracker.heldLongerThan(Duration.ofMillis(200));

        assertThat(holds).extracting(LongHold::connectionId).startsWith("1", "2");
        assertThat(holds.getFirst().threadName()).isEqualTo(Thread.currentThread().getName());
        assertThat(holds.getFirst().heldFor()).isGreaterThan(Duration.ofMillis(200));
        assertThat(holds.getFirst().describe())
            .startsWith("connection 1 taken by thread " + Thread.currentThread().getName())
            .contains("ConnectionTrackerTest.heldLongerThanFindsOldLeasesOnly");
        assertThat(tracker.heldLongerThan(Duration.ZERO))
            .extracting(LongHold::connectionId)
            .containsExactly("1", "2", "4");
        assertThat(tracker.heldLongerThan(Duration.ofHours(1))).isEmpty();
      }
    }
    assertThat(tracker.heldLongerThan(Duration.ZERO)).isEmpty();
  }

  /** A pool that makes every borrower wait {@code wait} before it hands a connection out. */
  private static DataSource slowPool(DataSource pool, Duration wait) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                Thread.sleep(wait);
              }
              return method.invoke(pool, args);
            });
  }
}
