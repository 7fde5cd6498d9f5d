package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShutdownPlanTest {

  @Test
  @DisplayName(
      "the default grace drains 3 s and keeps 5 s for stopping, saving, spooling, flushing")
  void defaultFitsDockerStop() {
    ShutdownPlan plan =
        ShutdownPlan.of(Duration.ofSeconds(Settings.DEFAULT_SHUTDOWN_GRACE_SECONDS));

    assertThat(plan.drain()).isEqualTo(Duration.ofSeconds(3));
    assertThat(plan.saves()).isEqualTo(Duration.ofSeconds(3));
    assertThat(plan.spool()).isEqualTo(Duration.ofSeconds(1));
    assertThat(plan.flush()).isEqualTo(Duration.ofSeconds(1));
    assertThat(plan.total())
        .as("inside docker stop's 10 s, with 2 s for the JVM to exit")
        .isLessThanOrEqualTo(Duration.ofSeconds(8));
  }

  @Test
  @DisplayName("a short grace shrinks draining first; a long one drains longer, never saves less")
  void reserveComesFirst() {
    ShutdownPlan short3 = ShutdownPlan.of(Duration.ofSeconds(3));
    assertThat(short3.drain()).isZero();
    assertThat(short3.total()).isEqualTo(Duration.ofSeconds(3));
    assertThat(short3.saves()).isPositive();

    ShutdownPlan long28 = ShutdownPlan.of(Duration.ofSeconds(28));
    assertThat(long28.drain()).isEqualTo(Duration.ofSeconds(23));
    assertThat(long28.saves()).isEqualTo(Duration.ofSeconds(3));
    assertThat(long28.total()).isEqualTo(Duration.ofSeconds(28));
  }
}
