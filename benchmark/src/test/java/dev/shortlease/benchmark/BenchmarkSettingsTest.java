package dev.shortlease.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.benchmark.load.Warmup;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BenchmarkSettingsTest {

  private static final LoadPoint C1000 = LoadPoint.parseAll("1000", Duration.ofSeconds(2)).get(0);
  private static final LoadPoint LONG =
      LoadPoint.parseAll("10000@20000", Duration.ofSeconds(2)).get(0);

  @Test
  @DisplayName("without BENCH_WARMUP_MAX_S the warm-up is fixed: the default run keeps its budget")
  void fixedByDefault() {
    BenchmarkSettings settings = BenchmarkSettings.fromEnv(Map.of("BENCH_WARMUP_S", "20"));

    Warmup warmup = settings.warmupFor(C1000, () -> false);

    assertThat(warmup.minimum()).isEqualTo(Duration.ofSeconds(20));
    assertThat(warmup.maximum()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  @DisplayName("with BENCH_WARMUP_MAX_S a point warms up until the JIT is quiet, at most that long")
  void upToTheMaximum() {
    BenchmarkSettings settings =
        BenchmarkSettings.fromEnv(Map.of("BENCH_WARMUP_S", "20", "BENCH_WARMUP_MAX_S", "60"));

    Warmup warmup = settings.warmupFor(C1000, () -> true);
    assertThat(warmup.minimum()).isEqualTo(Duration.ofSeconds(20));
    assertThat(warmup.maximum()).isEqualTo(Duration.ofSeconds(60));
    assertThat(warmup.settled().getAsBoolean()).isTrue();

    // The long point's minimum (1.5 L = 30 s) still applies; the maximum is never below it.
    Warmup longPoint =
        BenchmarkSettings.fromEnv(Map.of("BENCH_WARMUP_MAX_S", "5")).warmupFor(LONG, () -> false);
    assertThat(longPoint.minimum()).isEqualTo(Duration.ofSeconds(30));
    assertThat(longPoint.maximum()).isEqualTo(Duration.ofSeconds(30));
  }
}
