package dev.shortlease.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.shortlease.application.port.out.PoolMonitorPort;
import dev.shortlease.application.port.out.PoolSnapshot;
import dev.shortlease.application.port.out.PoolSnapshot.Percentiles;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.guard.GuardMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Pool monitor (rule R6): counts from HikariCP's pool MXBean, acquire timings from HikariCP's
 * Micrometer timer, lease timings from the guard's exact lease timer ({@link GuardMetrics#LEASE}:
 * HikariCP's usage timer counts whole milliseconds, so a 0.9 ms lease reads 0), leaks and guard
 * violations from the connection tracker.
 */
final class HikariPoolMonitor implements PoolMonitorPort {
  static final String ACQUIRE = "hikaricp.connections.acquire";
  static final String TIMEOUT = "hikaricp.connections.timeout";
  private static final double[] PERCENTILES = {0.5, 0.95, 0.99};

  /**
   * The window of the percentiles and the max: recent, so a slow start-up does not dominate for
   * hours. Micrometer rotates three buffers over it, so a reading covers the last 40 to 60 s.
   */
  static final Duration WINDOW = Duration.ofSeconds(60);

  /**
   * The smallest histogram bucket of both timers. Micrometer's default, 1 ms, puts most acquires
   * (tens of microseconds) and a fast database's leases in the first bucket, where a Prometheus
   * quantile can only interpolate.
   */
  static final Duration SMALLEST_BUCKET = Duration.ofNanos(10_000);

  private static final int READY_TIMEOUT_SECONDS = 2;

  private final HikariDataSource pool;
  private final DataSource dataSource;
  private final ConnectionTracker tracker;
  private final MeterRegistry registry;

  HikariPoolMonitor(
      HikariDataSource pool,
      DataSource dataSource,
      ConnectionTracker tracker,
      MeterRegistry registry) {
    this.pool = pool;
    this.dataSource = dataSource;
    this.tracker = tracker;
    this.registry = registry;
  }

  /**
   * Makes the registry keep client-side percentiles (and histogram buckets for Prometheus) of the
   * pool's acquire timer and the guard's lease timer over the recent {@link #WINDOW}, the window
   * the timers' max covers too. Must run before the pool and the guard register their meters.
   */
  static void publishPercentiles(MeterRegistry registry) {
    registry
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public DistributionStatisticConfig configure(
                  Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(ACQUIRE) && !id.getName().equals(GuardMetrics.LEASE)) {
                  return config;
                }
                return DistributionStatisticConfig.builder()
                    .percentiles(PERCENTILES)
                    .percentilesHistogram(true)
                    .minimumExpectedValue((double) SMALLEST_BUCKET.toNanos())
                    .expiry(WINDOW)
                    .bufferLength(3)
                    .build()
                    .merge(config);
              }
            });
  }

  /**
   * Counts a unit of work that got no connection in time without asking the pool (ordinary work
   * withdrawn from the database workers' queue) where HikariCP counts its own acquire timeouts: to
   * dashboards and the snapshot, both are a 503 for want of a connection.
   */
  static void recordTimeout(MeterRegistry registry, HikariDataSource pool) {
    Counter timeouts = registry.find(TIMEOUT).tag("pool", pool.getPoolName()).counter();
    if (timeouts != null) {
      timeouts.increment();
    }
  }

  @Override
  public PoolSnapshot snapshot() {
    HikariPoolMXBean bean = pool.getHikariPoolMXBean();
    Counter timeouts = registry.find(TIMEOUT).tag("pool", pool.getPoolName()).counter();
    return new PoolSnapshot(
        pool.getMaximumPoolSize(),
        bean == null ? 0 : bean.getActiveConnections(),
        bean == null ? 0 : bean.getIdleConnections(),
        bean == null ? 0 : bean.getTotalConnections(),
        bean == null ? 0 : bean.getThreadsAwaitingConnection(),
        percentiles(registry.find(ACQUIRE).tag("pool", pool.getPoolName()).timer()),
        percentiles(registry.find(GuardMetrics.LEASE).tag("tracker", tracker.name()).timer()),
        (int) WINDOW.toSeconds(),
        timeouts == null ? 0 : (long) timeouts.count(),
        tracker.leaks(),
        tracker.guardViolations(),
        tracker.recordingStacks());
  }

  @Override
  public boolean databaseReady() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(READY_TIMEOUT_SECONDS);
      statement.execute("select 1");
      connection.rollback(); // autoCommit is off; end the transaction before returning it
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static Percentiles percentiles(Timer timer) {
    if (timer == null || timer.count() == 0) {
      return Percentiles.NONE;
    }
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
    for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
      double millis = value.value(TimeUnit.MILLISECONDS);
      if (value.percentile() == 0.5) {
        p50 = millis;
      } else if (value.percentile() == 0.95) {
        p95 = millis;
      } else if (value.percentile() == 0.99) {
        p99 = millis;
      }
    }
    return new Percentiles(p50, p95, p99, timer.max(TimeUnit.MILLISECONDS));
  }
}
