package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.H2TestDatabase;
import dev.shortlease.application.port.out.PoolSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
      assertThat(s.leaseMillis().p99()).isGreaterThanOrEqualTo(s.leaseMillis().p50()).isPositive();
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
  @DisplayName("a closed pool is reported as not ready")
  void closedPoolIsNotReady() {
    PersistenceContext context =
        PersistenceContext.start(H2TestDatabase.newDatabase(), new SimpleMeterRegistry());
    context.close();
    assertThat(context.poolMonitor().databaseReady()).isFalse();
  }
}
