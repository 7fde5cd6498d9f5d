package dev.shortlease.guardrails.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GuardMetricsTest {

  @Test
  @DisplayName(
      "violations, leaks, held, acquired connections and lease time are meters tagged by tracker")
  void bindsTheCounters() throws Exception {
    TrackedH2 db = new TrackedH2();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new GuardMetrics(db.tracker).bindTo(registry);

    db.tracker.recordLeak();
    db.tracker.recordGuardViolation("site");
    db.tracker.recordGuardViolation("site");
    long before = System.nanoTime();
    try (Connection held = db.open()) {
      assertThat(registry.get(GuardMetrics.HELD).tag("tracker", "test").gauge().value())
          .isEqualTo(1.0);
      assertThat(registry.get(GuardMetrics.LEASE).timer().count()).isZero();
      Thread.sleep(5);
    }
    long outer = System.nanoTime() - before;

    assertThat(registry.get(GuardMetrics.HELD).gauge().value()).isZero();
    assertThat(registry.get(GuardMetrics.ACQUIRED).functionCounter().count()).isEqualTo(1.0);
    assertThat(registry.get(GuardMetrics.LEAKS).functionCounter().count()).isEqualTo(1.0);
    assertThat(registry.get(GuardMetrics.VIOLATIONS).functionCounter().count()).isEqualTo(2.0);
    var lease = registry.get(GuardMetrics.LEASE).tag("tracker", "test").timer();
    assertThat(lease.count()).isEqualTo(1);
    assertThat(lease.totalTime(TimeUnit.NANOSECONDS)).isBetween(5e6, (double) outer);
    assertThat(lease.max(TimeUnit.NANOSECONDS)).isEqualTo(lease.totalTime(TimeUnit.NANOSECONDS));
  }

  @Test
  @DisplayName("leases are timed to the nanosecond, as the tracker sums them (HikariCP: whole ms)")
  void shortLeasesAreExact() throws Exception {
    TrackedH2 db = new TrackedH2();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new GuardMetrics(db.tracker).bindTo(registry);
    for (int i = 0; i < 20; i++) {
      db.open().close();
    }

    Timer lease = registry.get(GuardMetrics.LEASE).timer();
    assertThat(lease.count()).isEqualTo(20);
    assertThat(lease.totalTime(TimeUnit.NANOSECONDS))
        .isEqualTo((double) db.tracker.leaseNanos())
        .isPositive();
    assertThat(lease.max(TimeUnit.NANOSECONDS)).isPositive();
  }
}
