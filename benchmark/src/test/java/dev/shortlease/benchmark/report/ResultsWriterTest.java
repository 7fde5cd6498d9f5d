package dev.shortlease.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ResultsWriterTest {

  /** The fields docs/benchmark.md promises for every point. */
  public static final List<String> REQUIRED_FIELDS =
      List.of(
          "mode",
          "concurrency",
          "pool_size",
          "llm_latency_ms",
          "completed",
          "errors",
          "pool_timeouts",
          "throughput_per_s",
          "ideal_throughput_per_s",
          "efficiency",
          "latency_p50_ms",
          "latency_p99_ms",
          "first_token_p99_ms",
          "pool_acquire_p99_ms",
          "connection_lease_ms_per_chat",
          "max_active_connections",
          "max_backend_connections",
          "server_heap_max_mb",
          "server_rss_max_mb",
          "server_cpu_ms_per_chat",
          "server_cpu_ms_per_chat_without_jit",
          "open_streams",
          "heap_kib_per_open_stream",
          "rss_kib_per_open_stream",
          "server_died");

  static PointResult point(String mode, int c, double throughput, double p99) {
    return point(mode, c, 2000, throughput, p99, 2.0, 4.5, 0);
  }

  /** A point with the numbers the ratios and targets read; the rest plausible constants. */
  public static PointResult point(
      String mode,
      int c,
      long latencyMs,
      double throughput,
      double p99,
      double cpuMsPerChat,
      double leaseMsPerChat,
      long errors) {
    double ideal = c * 1000.0 / latencyMs;
    return new PointResult(
        mode,
        c,
        10,
        latencyMs,
        20,
        20,
        (long) (throughput * 20),
        errors,
        0,
        throughput,
        ideal,
        throughput / ideal,
        latencyMs,
        p99,
        p99,
        latencyMs / 2.0,
        1,
        leaseMsPerChat,
        2,
        2,
        10,
        0,
        10,
        120,
        300,
        throughput * cpuMsPerChat / 1000,
        cpuMsPerChat,
        cpuMsPerChat * 0.9,
        0.01,
        0.2,
        0.7,
        c,
        40,
        40 + c * 0.02,
        20.5,
        30.1,
        0,
        0,
        0,
        Map.of(),
        "");
  }

  /** {@code p} as if its service had died during the point, e.g. of an exhausted heap. */
  public static PointResult died(PointResult p, String how) {
    return new PointResult(
        p.mode(),
        p.concurrency(),
        p.poolSize(),
        p.llmLatencyMs(),
        p.warmupS(),
        p.windowS(),
        p.completed(),
        p.errors(),
        p.poolTimeouts(),
        p.throughputPerS(),
        p.idealThroughputPerS(),
        p.efficiency(),
        p.latencyP50Ms(),
        p.latencyP99Ms(),
        p.latencyMaxMs(),
        p.firstTokenP99Ms(),
        p.poolAcquireP99Ms(),
        p.connectionLeaseMsPerChat(),
        p.connectionLeasesPerChat(),
        p.connectionLeaseP99Ms(),
        p.maxActiveConnections(),
        p.maxThreadsWaiting(),
        p.maxBackendConnections(),
        p.serverHeapMaxMb(),
        p.serverRssMaxMb(),
        p.serverCpuCores(),
        p.serverCpuMsPerChat(),
        p.serverCpuMsPerChatWithoutJit(),
        p.serverJitCpuCores(),
        p.generatorCpuCores(),
        p.machineCpuBusy(),
        p.openStreams(),
        p.serverHeapLiveIdleMb(),
        p.serverHeapLiveOpenMb(),
        p.heapKibPerOpenStream(),
        p.rssKibPerOpenStream(),
        p.serverPoolTimeouts(),
        p.guardViolations(),
        p.leaks(),
        p.errorKinds(),
        how);
  }

  @Test
  @DisplayName(
      "the report is snake_case JSON with every required field, the ratios to the floor and the"
          + " targets' status, copied to latest, with every mode charted")
  void writesJsonAndChart(@TempDir Path dir) throws Exception {
    List<PointResult> points =
        List.of(
            point("scoped", 50, 24.8, 2010),
            point("scoped", 1000, 480, 2300),
            point("floor", 50, 24.9, 2005),
            point("floor", 1000, 495, 2100),
            point("scoped", 10_000, 20_000, 470, 21_000, 2.5, 5, 0),
            point("held", 50, 4.9, 5100),
            point("held", 1000, 4.6, 5200));
    RunReport report =
        new RunReport(
            "2026-01-01T00:00:00Z",
            200,
            Map.of("commit", "abc123", "uncommitted_changes", false),
            Map.of("cpus", 2),
            Map.of(),
            points,
            FloorRatios.of(points),
            Targets.check(points, 200, 512, true));

    ResultsWriter.write(report, "test run", dir.resolve("run"), dir.resolve("latest"));

    JsonNode json = new ObjectMapper().readTree(dir.resolve("latest/results.json").toFile());
    assertThat(json.path("results")).hasSize(7);
    assertThat(json.path("code").path("commit").asText()).isEqualTo("abc123");
    assertThat(json.path("ratios_to_floor")).hasSize(4);
    assertThat(json.path("ratios_to_floor").get(0).has("cpu_per_chat")).isTrue();
    assertThat(json.path("targets").get(0).path("status").asText()).isEqualTo("met");
    for (JsonNode result : json.path("results")) {
      REQUIRED_FIELDS.forEach(field -> assertThat(result.has(field)).as(field).isTrue());
    }
    BufferedImage chart = ImageIO.read(dir.resolve("latest/chart.png").toFile());
    assertThat(chart.getWidth()).isEqualTo(1000);
    assertThat(chart.getHeight()).isEqualTo(760);
  }
}
