package dev.shortlease.guardrails.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GuardMetricsTest {

  @Test
  @DisplayName("violations, leaks, held and acquired connections are meters tagged by tracker")
  void bindsTheCounters() throws Exception {
    TrackedH2 db = new TrackedH2();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new GuardMetrics(db.tracker).bindTo(registry);

    db.tracker.recordLeak();
    db.tracker.recordGuardViolation("site");
    db.tracker.recordGuardViolation("site");
    try (Connection held = db.open()) {
      assertThat(registry.get(GuardMetrics.HELD).tag("tracker", "test").gauge().value())
          .isEqualTo(1.0);
    }

    assertThat(registry.get(GuardMetrics.HELD).gauge().value()).isZero();
    assertThat(registry.get(GuardMetrics.ACQUIRED).functionCounter().count()).isEqualTo(1.0);
    assertThat(registry.get(GuardMetrics.LEAKS).functionCounter().count()).isEqualTo(1.0);
    assertThat(registry.get(GuardMetrics.VIOLATIONS).functionCounter().count()).isEqualTo(2.0);
  }
}
