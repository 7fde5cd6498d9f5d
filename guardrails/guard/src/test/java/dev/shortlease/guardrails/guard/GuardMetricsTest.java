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
  @DisplayName("the stacks gauge turns to 1 when an after-first-report tracker first reports")
  void stacksGaugeFollowsTheFirstReport() throws Exception {
    ConnectionTracker tracker =
        ConnectionTracker.builder()
            .name("late")
            .acquiringStacks(AcquiringStacks.AFTER_FIRST_REPORT)
            .build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new GuardMetrics(tracker).bindTo(registry);
    var gauge = registry.get(GuardMetrics.STACKS).tag("tracker", "late").gauge();
    org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
    h2.setURL("jdbc:h2:mem:stacks-gauge");
    javax.sql.DataSource dataSource = tracker.wrap(h2);

    try (Connection held = dataSource.getConnection()) {
      assertThat(gauge.value()).isZero();
      tracker.describeOpenLeases();
    }
    assertThat(gauge.value()).isEqualTo(1.0);
    SimpleMeterRegistry every = new SimpleMeterRegistry();
    new GuardMetrics(new TrackedH2().tracker).bindTo(every);
    assertThat(every.get(GuardMetrics.STACKS).gauge().value()).isEqualTo(1.0);
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
