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

  /** The fields the issue asks of every point. */
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
          "server_rss_max_mb");

  static PointResult point(String mode, int c, double throughput, double p99) {
    return new PointResult(
        mode,
        c,
        10,
        2000,
        20,
        (long) (throughput * 20),
        0,
        0,
        throughput,
        c / 2.0,
        throughput / (c / 2.0),
        2000,
        p99,
        p99,
        1000,
        1,
        4.5,
        2,
        10,
        0,
        10,
        120,
        300,
        0.5,
        0.2,
        0.7,
        0,
        0,
        0,
        Map.of());
  }

  @Test
  @DisplayName("the report is snake_case JSON with every required field, copied to latest")
  void writesJsonAndChart(@TempDir Path dir) throws Exception {
    List<PointResult> points =
        List.of(
            point("scoped", 50, 24.8, 2010),
            point("scoped", 1000, 480, 2300),
            point("held", 50, 4.9, 5100),
            point("held", 1000, 4.6, 5200));
    RunReport report =
        new RunReport("2026-01-01T00:00:00Z", 200, Map.of("cpus", 2), Map.of(), points, List.of());

    ResultsWriter.write(report, "test run", dir.resolve("run"), dir.resolve("latest"));

    JsonNode json = new ObjectMapper().readTree(dir.resolve("latest/results.json").toFile());
    assertThat(json.path("results")).hasSize(4);
    for (JsonNode result : json.path("results")) {
      REQUIRED_FIELDS.forEach(field -> assertThat(result.has(field)).as(field).isTrue());
    }
    BufferedImage chart = ImageIO.read(dir.resolve("latest/chart.png").toFile());
    assertThat(chart.getWidth()).isEqualTo(1000);
    assertThat(chart.getHeight()).isEqualTo(760);
  }
}
