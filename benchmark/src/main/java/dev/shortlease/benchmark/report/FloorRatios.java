package dev.shortlease.benchmark.report;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Optional;

/**
 * Benchmark report: each mode's cost per chat divided by the {@code floor} mode's at the same point
 * (same C and L, same run). Absolute numbers move with the machine and whatever else runs on it;
 * ratios measured side by side in one run do not, so the targets are ratios.
 */
public final class FloorRatios {

  public static final String FLOOR = "floor";

  /** One mode against the floor at one point; NaN where either side has no value. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Ratio(
      String mode,
      int concurrency,
      long llmLatencyMs,
      double cpuPerChat,
      double leasePerChat,
      double throughput) {}

  private FloorRatios() {}

  /** Every non-floor point that has a floor point at the same C and L. */
  public static List<Ratio> of(List<PointResult> points) {
    return points.stream()
        .filter(p -> !p.mode().equals(FLOOR))
        .flatMap(
            p -> floorAt(points, p.concurrency(), p.llmLatencyMs()).map(f -> ratio(p, f)).stream())
        .toList();
  }

  /** {@code mode} against the floor at C and L, if both were measured. */
  public static Optional<Ratio> find(List<PointResult> points, String mode, int c, long latencyMs) {
    return of(points).stream()
        .filter(r -> r.mode().equals(mode) && r.concurrency() == c && r.llmLatencyMs() == latencyMs)
        .findFirst();
  }

  static Ratio ratio(PointResult p, PointResult floor) {
    return new Ratio(
        p.mode(),
        p.concurrency(),
        p.llmLatencyMs(),
        divide(p.serverCpuMsPerChat(), floor.serverCpuMsPerChat()),
        divide(p.connectionLeaseMsPerChat(), floor.connectionLeaseMsPerChat()),
        divide(p.throughputPerS(), floor.throughputPerS()));
  }

  private static Optional<PointResult> floorAt(List<PointResult> points, int c, long latencyMs) {
    return points.stream()
        .filter(
            p -> p.mode().equals(FLOOR) && p.concurrency() == c && p.llmLatencyMs() == latencyMs)
        .findFirst();
  }

  private static double divide(double a, double b) {
    double r = a / b;
    return Double.isFinite(r) && b > 0 ? Math.round(r * 100) / 100.0 : Double.NaN;
  }
}
