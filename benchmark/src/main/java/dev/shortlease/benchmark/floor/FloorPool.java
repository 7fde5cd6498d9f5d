package dev.shortlease.benchmark.floor;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The floor's pool, and the time its connections are lent out, exactly: {@code
 * floor_connections_lease_seconds} counts from {@code getConnection()} returning to {@code close()}
 * returning, as the service's {@code guardrails_connections_lease_seconds} does, because HikariCP's
 * own usage metric counts each lease in whole milliseconds (a 0.4 ms lease as 0).
 */
final class FloorPool {
  /** Work on a borrowed connection. */
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private final HikariDataSource pool;
  private final LongAdder leases = new LongAdder();
  private final LongAdder leaseNanos = new LongAdder();

  FloorPool(HikariDataSource pool) {
    this.pool = pool;
  }

  /** Runs {@code work} on a connection of the pool and gives it back. */
  <T> T use(SqlWork<T> work) throws SQLException {
    Connection connection = pool.getConnection();
    long leased = System.nanoTime();
    try (connection) {
      return work.run(connection);
    } finally {
      leaseNanos.add(System.nanoTime() - leased);
      leases.increment();
    }
  }

  void bindTo(MeterRegistry registry) {
    FunctionTimer.builder(
            "floor.connections.lease",
            this,
            floor -> floor.leases.sum(),
            floor -> floor.leaseNanos.sum(),
            TimeUnit.NANOSECONDS)
        .description("Time returned connections were held, checkout to return")
        .register(registry);
  }

  void close() {
    pool.close();
  }
}
