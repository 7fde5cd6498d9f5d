package dev.shortlease.guardrails.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A connection closed through the driver's own objects ({@code statement.getConnection()}, {@code
 * resultSet.getStatement().getConnection()}, {@code metaData.getConnection()}) goes back to the
 * pool without passing {@link TrackedConnection#close()}, since statements are not wrapped (ADR
 * 0026). The tracker must count it as returned all the same (ADR 0055).
 */
class ClosedThroughTheDriverTest {

  /** A long-call port of the test's own. */
  public interface RemotePort {
    String ask(String question);
  }

  private final ConnectionTracker tracker = ConnectionTracker.builder().name("closed").build();
  private final HikariDataSource pool = hikari();
  private final DataSource dataSource = tracker.wrap(pool);
  private final RemotePort remote =
      LongCallGuard.guard(RemotePort.class, question -> "answer", tracker, GuardMode.STRICT);

  @AfterEach
  void closePool() {
    pool.close();
  }

  @Test
  @DisplayName("statement.getConnection().close() ends the lease: the next long call runs")
  void closedThroughTheStatement() throws Exception {
    Connection connection = dataSource.getConnection();
    try (PreparedStatement statement = connection.prepareStatement("select 1")) {
      statement.executeQuery().close();
      statement.getConnection().close();
    }

    assertReturned();
  }

  @Test
  @DisplayName("resultSet.getStatement().getConnection().close() ends the lease")
  void closedThroughTheResultSet() throws Exception {
    Connection connection = dataSource.getConnection();
    PreparedStatement statement = connection.prepareStatement("select 1");
    ResultSet rows = statement.executeQuery();
    rows.getStatement().getConnection().close();

    assertReturned();
  }

  @Test
  @DisplayName("metaData.getConnection().close() ends the lease")
  void closedThroughTheMetaData() throws Exception {
    Connection connection = dataSource.getConnection();
    connection.getMetaData().getConnection().close();

    assertReturned();
  }

  @Test
  @DisplayName("the sweep does not report a connection the pool already has back")
  void sweepIgnoresIt() throws Exception {
    Connection connection = dataSource.getConnection();
    connection.createStatement().getConnection().close();
    Thread.sleep(30);

    assertThat(new LongHoldSweep(tracker, Duration.ofMillis(10)).sweep()).isEmpty();
    assertThat(tracker.heldLongerThan(Duration.ZERO)).isEmpty();
  }

  @Test
  @DisplayName("the leak check does not count a use case that returned it through its statement")
  void leakCheckIgnoresIt() {
    RemotePort useCase =
        LeakCheck.wrap(
            RemotePort.class,
            question -> {
              try {
                dataSource.getConnection().createStatement().getConnection().close();
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
              return "done";
            },
            tracker);

    assertThat(useCase.ask("q")).isEqualTo("done");
    assertThat(tracker.leaks()).isZero();
  }

  @Test
  @DisplayName(
      "closing the tracked connection afterwards counts nothing twice and leaves the pool's"
          + " next borrower alone")
  void closingTheTrackedConnectionLater() throws Exception {
    Connection connection = dataSource.getConnection();
    connection.createStatement().getConnection().close();
    assertThat(tracker.heldByCurrentThread()).isZero();

    try (Connection next = dataSource.getConnection()) { // the pool's one physical connection
      connection.close();
      assertThat(connection.isClosed()).isTrue();
      assertThat(next.isValid(1)).isTrue();
      assertThat(tracker.heldByCurrentThread()).isEqualTo(1);
    }
    assertThat(tracker.openLeases()).isZero();
    assertThat(tracker.leasesEnded()).isEqualTo(2);
    assertThat(tracker.acquisitions()).isEqualTo(2);
  }

  @Test
  @DisplayName("a connection still open is still held, whatever was asked of its statements")
  void openConnectionStaysHeld() throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement("select 1")) {
      assertThat(statement.getConnection().isClosed()).isFalse();
      assertThat(tracker.heldByCurrentWork()).isEqualTo(1);
      assertThat(tracker.openLeases()).isEqualTo(1);
      assertThat(tracker.heldLongerThan(Duration.ZERO)).hasSize(1);
    }
    assertThat(tracker.openLeases()).isZero();
  }

  private void assertReturned() {
    assertThat(pool.getHikariPoolMXBean().getActiveConnections())
        .as("HikariCP has the connection back")
        .isZero();
    assertThat(tracker.heldByCurrentWork()).as("held by the current work").isZero();
    assertThat(remote.ask("q")).isEqualTo("answer");
    assertThat(tracker.guardViolations()).isZero();
    assertThat(tracker.openLeases()).as("open leases").isZero();
    assertThat(tracker.leasesEnded()).isEqualTo(1);
  }

  private static HikariDataSource hikari() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:closed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    config.setMaximumPoolSize(1);
    config.setPoolName("closed-through-the-driver");
    return new HikariDataSource(config);
  }
}
