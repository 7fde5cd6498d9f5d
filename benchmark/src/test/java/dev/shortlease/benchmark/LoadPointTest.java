package dev.shortlease.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoadPointTest {

  private static final Duration L = Duration.ofMillis(2000);

  @Test
  @DisplayName(
      "C[@L][:modes] entries: latency defaults, mode filters restrict a point to its modes")
  void parsesPointsWithLatencyAndModes() {
    List<LoadPoint> points = LoadPoint.parseAll("50, 2000:scoped+floor,10000@20000:scoped", L);

    assertThat(points)
        .extracting(LoadPoint::concurrency, p -> p.latency().toMillis())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(50, 2000L),
            org.assertj.core.groups.Tuple.tuple(2000, 2000L),
            org.assertj.core.groups.Tuple.tuple(10_000, 20_000L));
    assertThat(points.get(0).appliesTo(Mode.HELD)).isTrue();
    assertThat(points.get(1).appliesTo(Mode.FLOOR)).isTrue();
    assertThat(points.get(1).appliesTo(Mode.HELD)).isFalse();
    assertThat(points.get(2).ttftMillis()).isEqualTo(10_000);
    assertThat(points.get(2).tokensPerSecond(5)).isEqualTo(0.5);
    assertThat(points.get(2).idealPerSecond()).isEqualTo(500);
  }

  @Test
  @DisplayName("a bad entry or an unknown mode is refused with the syntax, not silently dropped")
  void refusesBadEntries() {
    assertThatThrownBy(() -> LoadPoint.parseAll("1000:scoped+flor", L))
        .hasMessageContaining("BENCH_POINTS entry '1000:scoped+flor'")
        .hasMessageContaining("C[@L_ms][:mode+mode]");
    assertThatThrownBy(() -> LoadPoint.parseAll("1000@abc", L)).hasMessageContaining("1000@abc");
    assertThatThrownBy(() -> LoadPoint.parseAll("0", L)).hasMessageContaining("positive");
    assertThatThrownBy(() -> LoadPoint.parseAll(" , ", L)).hasMessageContaining("no point");
  }

  @Test
  @DisplayName(
      "defaults: scoped and floor over 50..2000, held at 50 and 1000; BENCH_LONG adds 10000@20000;"
          + " BENCH_CONCURRENCY still works")
  void settingsChoosePoints() {
    BenchmarkSettings defaults = BenchmarkSettings.fromEnv(Map.of());
    assertThat(defaults.isDefaultRun()).isTrue();
    assertThat(defaults.pointsOf(Mode.SCOPED))
        .extracting(LoadPoint::concurrency)
        .containsExactly(50, 200, 1000, 2000);
    assertThat(defaults.pointsOf(Mode.FLOOR))
        .extracting(LoadPoint::concurrency)
        .containsExactly(50, 200, 1000, 2000);
    assertThat(defaults.pointsOf(Mode.HELD))
        .extracting(LoadPoint::concurrency)
        .containsExactly(50, 1000);

    assertThat(defaults.rounds()).isEqualTo(1);
    assertThat(defaults.runOrder())
        .as("each point for every mode, one after the other: the pairs a ratio compares")
        .extracting(LoadPointTest::describe)
        .containsExactly(
            "scoped@50x1",
            "floor@50x1",
            "held@50x1",
            "scoped@200x1",
            "floor@200x1",
            "scoped@1000x1",
            "floor@1000x1",
            "held@1000x1",
            "scoped@2000x1",
            "floor@2000x1");

    BenchmarkSettings longRun = BenchmarkSettings.fromEnv(Map.of("BENCH_LONG", "1"));
    assertThat(longRun.isDefaultRun()).isFalse();
    assertThat(longRun.rounds()).isEqualTo(3);
    assertThat(longRun.runOrder())
        .as("scoped and the floor alternate at L = 2 s; the long point keeps one window each")
        .extracting(LoadPointTest::describe)
        .containsExactly(
            "scoped+floor@50x3",
            "held@50x1",
            "scoped+floor@200x3",
            "scoped+floor@1000x3",
            "held@1000x1",
            "scoped+floor@2000x3",
            "scoped@10000x1",
            "floor@10000x1");
    assertThat(longRun.settleFor(longRun.points().getFirst())).isEqualTo(Duration.ofSeconds(10));
    assertThat(BenchmarkSettings.fromEnv(Map.of("BENCH_LONG", "1", "BENCH_ROUNDS", "1")).runOrder())
        .hasSize(12);
    assertThatThrownBy(() -> BenchmarkSettings.fromEnv(Map.of("BENCH_ROUNDS", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("round");
    LoadPoint last = longRun.pointsOf(Mode.SCOPED).getLast();
    assertThat(last.concurrency()).isEqualTo(10_000);
    assertThat(longRun.warmupFor(last)).isEqualTo(Duration.ofSeconds(30));
    assertThat(longRun.windowFor(last)).isEqualTo(Duration.ofSeconds(40));
    assertThat(longRun.pointsOf(Mode.HELD))
        .extracting(LoadPoint::concurrency)
        .doesNotContain(10_000);

    BenchmarkSettings sweep =
        BenchmarkSettings.fromEnv(
            Map.of("BENCH_CONCURRENCY", "100,300", "BENCH_LLM_LATENCY_MS", "500"));
    assertThat(sweep.pointsOf(Mode.HELD))
        .extracting(LoadPoint::concurrency, p -> p.latency().toMillis())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(100, 500L),
            org.assertj.core.groups.Tuple.tuple(300, 500L));
  }

  @Test
  @DisplayName(
      "the generator waits longer than the service's own bound on a queued chat: its admission"
          + " wait, the acquire timeout and one L")
  void clientTimeoutOutlastsTheAdmissionLine() {
    BenchmarkSettings settings = BenchmarkSettings.fromEnv(Map.of());
    LoadPoint pastTheCpuLimit = LoadPoint.parseAll("2000", Duration.ofMillis(2000)).getFirst();
    LoadPoint longPoint = LoadPoint.parseAll("10000@20000", Duration.ofMillis(2000)).getFirst();

    Duration timeout = settings.clientTimeoutFor(pastTheCpuLimit);

    assertThat(timeout).isEqualTo(Duration.ofSeconds(130));
    assertThat(timeout)
        .as("the committed C=2000 run's p99 latency, 15.1 s, and its 367 read timeouts at 13 s")
        .isGreaterThan(Duration.ofMillis(15_143));
    assertThat(timeout)
        .isGreaterThan(
            BenchmarkSettings.ADMISSION_WAIT
                .multipliedBy(2) // in the line, then trying for a connection
                .plus(settings.connectionTimeout())
                .plus(pastTheCpuLimit.latency()));
    assertThat(settings.clientTimeoutFor(longPoint)).isEqualTo(Duration.ofSeconds(148));
  }

  @Test
  @DisplayName("the admission line holds every client's start: at least C, never below the default")
  void admissionQueueHoldsEveryClient() {
    Duration l = Duration.ofMillis(2000);
    assertThat(BenchmarkSettings.admissionQueueFor(LoadPoint.parseAll("50", l).getFirst()))
        .isEqualTo(2000);
    assertThat(BenchmarkSettings.admissionQueueFor(LoadPoint.parseAll("2000", l).getFirst()))
        .isEqualTo(2000);
    assertThat(BenchmarkSettings.admissionQueueFor(LoadPoint.parseAll("10000@20000", l).getFirst()))
        .isEqualTo(10_000);
  }

  private static String describe(BenchmarkSettings.Step step) {
    return String.join("+", step.modes().stream().map(Mode::label).toList())
        + "@"
        + step.point().concurrency()
        + "x"
        + step.rounds();
  }
}
