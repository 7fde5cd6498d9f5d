package dev.shortlease.benchmark.report;

import static dev.shortlease.benchmark.report.ResultsWriterTest.point;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The guard's rule on numbers from a real guard run ({@code ScopedVsFloorGuardTest}, C=40, L=200
 * ms): that it passes them, and that it trips when scoped's hot path costs twice as much.
 */
class RegressionGuardTest {

  // CPU per chat without the JIT from a conclusive guard run (docs/benchmark.md, "The regression
  // guard": floor 2.12 ms, scoped 4.16 ms, P=10). The test helper's point() takes the total and
  // makes the JIT-free figure 0.9 of it.
  private static final double FLOOR_CPU_MS = 2.12 / 0.9;
  private static final double SCOPED_CPU_MS = 4.16 / 0.9;

  private static final PointResult FLOOR = point("floor", 40, 200, 190, 230, FLOOR_CPU_MS, 1.2, 0);
  private static final PointResult SCOPED =
      point("scoped", 40, 200, 185, 260, SCOPED_CPU_MS, 1.9, 0);

  @Test
  @DisplayName("a measured scoped/floor pair passes")
  void measuredPairPasses() {
    RegressionGuard.Verdict verdict = RegressionGuard.compare(SCOPED, FLOOR);

    assertThat(verdict.passed()).as(verdict.explanation()).isTrue();
    assertThat(verdict.ratio())
        .isCloseTo(SCOPED_CPU_MS / FLOOR_CPU_MS, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  @DisplayName("the same pair with scoped's CPU per chat doubled trips the guard")
  void doubledHotPathTrips() {
    PointResult slowed = point("scoped", 40, 200, 185, 260, 2 * SCOPED_CPU_MS, 1.9, 0);

    RegressionGuard.Verdict verdict = RegressionGuard.compare(slowed, FLOOR);

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.conclusive()).as("a real verdict, not a busy machine").isTrue();
    assertThat(verdict.explanation()).contains("scoped/floor CPU per chat = 3.92 (limit 3.0)");
  }

  @Test
  @DisplayName("too few chats or failed chats fail the guard instead of passing it by accident")
  void inconclusiveRunsFail() {
    PointResult idle = point("scoped", 40, 200, 2, 260, 0.5, 1.9, 0);
    PointResult failing = point("scoped", 40, 200, 185, 260, 1.0, 1.9, 3);

    assertThat(RegressionGuard.compare(idle, FLOOR).passed()).isFalse();
    assertThat(RegressionGuard.compare(idle, FLOOR).conclusive()).isFalse();
    assertThat(RegressionGuard.compare(idle, FLOOR).explanation()).contains("too few chats");
    assertThat(RegressionGuard.compare(failing, FLOOR).passed()).isFalse();
    assertThat(RegressionGuard.compare(failing, FLOOR).explanation()).contains("chats failed");
  }
}
