package dev.shortlease.benchmark.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demonstration's promises, on a small run of the real thing (embedded H2, the simulated model,
 * the teaching variant and the service): the held style breaks rule R3 on every chat and the guard
 * counts it; the service never does; one pool serves many more chats the service's way.
 */
class DemoRunTest {

  @TempDir Path output;

  @Test
  @DisplayName("held breaks R3 and the guard counts it; shortlease does not and serves more")
  void heldVersusScoped() throws Exception {
    DemoSettings settings =
        new DemoSettings(20, 3, Duration.ofMillis(400), Duration.ofSeconds(2), output);

    StyleResult held = DemoRun.run(DemoStyle.HELD, settings);
    StyleResult scoped = DemoRun.run(DemoStyle.SCOPED, settings);

    assertThat(held.guardViolations()).as("guard counted R3 breaches").isPositive();
    assertThat(held.timeline().overlapMillis())
        .as("held: a connection is held through the model call")
        .isGreaterThanOrEqualTo(300);
    assertThat(scoped.guardViolations()).isZero();
    assertThat(scoped.timeline().overlapMillis()).isZero();
    assertThat(scoped.timeline().spans())
        .extracting(Timeline.Span::kind)
        .contains("connection", "model");
    assertThat(scoped.refused()).isZero();
    assertThat(scoped.leaseMillisPerChat()).isLessThan(held.leaseMillisPerChat());
    // Held serves about pool / latency, shortlease about chats / latency (10x here on
    // an idle machine); only the direction is asserted: a test run shares the CPU with others.
    assertThat(scoped.chatsPerSecond()).isGreaterThan(held.chatsPerSecond());
  }
}
