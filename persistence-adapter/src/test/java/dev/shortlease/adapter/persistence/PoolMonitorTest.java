package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.H2TestDatabase;
import dev.shortlease.application.port.out.PoolSnapshot;
import dev.shortlease.guardrails.guard.AcquiringStacks;
import dev.shortlease.guardrails.guard.GuardMetrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PoolMonitorTest {

  @Test
  @DisplayName(
      "the snapshot shows pool size, idle counts, acquire and lease percentiles and tracker counters")
  void snapshotReflectsPool() {
    var registry = new SimpleMeterRegistry();
    try (PersistenceContext context =
        PersistenceContext.start(H2TestDatabase.newDatabase().withPoolSize(4), registry)) {
      for (int i = 0; i < 20; i++) {
        context.apps().listApps();
      }
      context.tracker().recordLeak();
      context.tracker().recordGuardViolation();

      PoolSnapshot s = context.poolMonitor().snapshot();

      assertThat(s.max()).isEqualTo(4);
      assertThat(s.active()).isZero();
      assertThat(s.total()).isBetween(1, 4);
      assertThat(s.idle()).isEqualTo(s.total());
      assertThat(s.threadsWaiting()).isZero();
      assertThat(s.leaseMillis().max()).isPositive();
      // Exact: H2's leases take microseconds, which HikariCP's usage timer would count as 0 ms.
      assertThat(s.leaseMillis().p50()).isPositive();
      assertThat(s.leaseMillis().p99()).isGreaterThanOrEqualTo(s.leaseMillis().p50());
      assertThat(s.acquireMillis().p50()).isGreaterThanOrEqualTo(0);
      assertThat(s.timeouts()).isZero();
      assertThat(s.leaks()).isEqualTo(1);
      assertThat(s.guardViolations()).isEqualTo(1);
      assertThat(registry.find(HikariPoolMonitor.ACQUIRE).timer()).isNotNull();
      assertThat(context.poolMonitor().databaseReady()).isTrue();
      assertThat(context.tracker().heldByCurrentThread()).isZero();
    }
  }

  @Test
  @DisplayName(
      "the snapshot tells whether checkouts record their acquiring stacks: from the first report on")
  void snapshotTellsWhenStacksAreRecorded() throws Exception {
    try (PersistenceContext context =
        PersistenceContext.start(
            H2TestDatabase.newDatabase().withAcquiringStacks(AcquiringStacks.AFTER_FIRST_REPORT),
            new SimpleMeterRegistry())) {
      assertThat(context.poolMonitor().snapshot().acquiringStacksRecorded()).isFalse();

      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:stacks");
      try (Connection held = context.tracker().wrap(h2).getConnection()) {
        assertThat(context.tracker().describeHeldByCurrentThread()).contains("not recorded");
      }

      assertThat(context.poolMonitor().snapshot().acquiringStacksRecorded()).isTrue();
    }
  }

  @Test
  @DisplayName("percentiles never exceed the max: both cover the same recent window")
  void percentilesStayWithinMax() {
    var registry = new SimpleMeterRegistry();
    try (PersistenceContext context =
        PersistenceContext.start(H2TestDatabase.newDatabase(), registry)) {
      Timer usage = registry.find(GuardMetrics.LEASE).timer();
      for (int i = 0; i < 500; i++) {
        // Between two histogram buckets: an interpolated percentile lands above it.
        usage.record(Duration.ofNanos(70_000_001 + i % 3));
      }

      PoolSnapshot s = context.poolMonitor().snapshot();

      assertThat(s.percentileWindowSeconds()).isEqualTo(60);
      for (PoolSnapshot.Percentiles p : List.of(s.leaseMillis(), s.acquireMillis())) {
        assertThat(p.p50()).isLessThanOrEqualTo(p.p95());
        assertThat(p.p95()).isLessThanOrEqualTo(p.p99());
        assertThat(p.p99()).isLessThanOrEqualTo(p.max());
      }
      assertThat(s.leaseMillis().max()).isGreaterThanOrEqualTo(70.0);
    }
  }

  @Test
  @DisplayName("a closed pool is reported as not ready")
  void closedPoolIsNotReady() {
    PersistenceContext context =
        PersistenceContext.start(H2TestDatabase.newDatabase(), new SimpleMeterRegistry());
    context.close();
    assertThat(context.poolMonitor().databaseReady()).isFalse();
  }
}
