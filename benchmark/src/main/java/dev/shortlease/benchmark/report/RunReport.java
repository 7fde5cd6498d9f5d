package dev.shortlease.benchmark.report;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * Benchmark report: one full run — when, of which commit, on what machine, with which settings —
 * its points, one per mode and point, each mode's cost per chat against the floor's, and the
 * targets of docs/benchmark.md checked against them.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RunReport(
    String startedAt,
    double durationS,
    Map<String, Object> code,
    Map<String, Object> machine,
    Map<String, Object> settings,
    List<PointResult> results,
    List<FloorRatios.Ratio> ratiosToFloor,
    List<Targets.Target> targets) {

  public RunReport {
    code = Map.copyOf(code);
    machine = Map.copyOf(machine);
    settings = Map.copyOf(settings);
    results = List.copyOf(results);
    ratiosToFloor = List.copyOf(ratiosToFloor);
    targets = List.copyOf(targets);
  }
}
