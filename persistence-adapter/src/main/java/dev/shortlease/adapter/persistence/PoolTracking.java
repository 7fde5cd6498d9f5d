package dev.shortlease.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.guard.GuardMetrics;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The guardrails kit's {@link ConnectionTracker} over the adapter's pool: it names our own frames
 * in failure stacks, and its counters (guard violations, leaks, held connections) go to {@code
 * /metrics}.
 */
final class PoolTracking {
  private PoolTracking() {}

  /** A tracker named after {@code pool}, its {@link GuardMetrics} bound to {@code registry}. */
  static ConnectionTracker trackerFor(
      HikariDataSource pool, PersistenceSettings s, MeterRegistry registry) {
    ConnectionTracker tracker =
        ConnectionTracker.builder()
            .name(pool.getPoolName())
            .applicationPackages("dev.shortlease.")
            .acquiringStacks(s.acquiringStacks())
            .build();
    new GuardMetrics(tracker).bindTo(registry);
    return tracker;
  }
}
