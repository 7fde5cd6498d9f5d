package dev.shortlease.benchmark.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Benchmark report: the targets, checked against a run's points at its highest concurrency.
 * Reported, never enforced: a benchmark informs, it does not fail a build.
 */
public final class Targets {

  /** One target: what it says, the measured value, and whether it was met. */
  public record Target(String target, String measured, boolean met) {}

  private Targets() {}

  public static List<Target> check(List<PointResult> points, double runSeconds, int heapMb) {
    List<Target> targets = new ArrayList<>();
    Optional<PointResult> scoped = top(points, "scoped");
    Optional<PointResult> held = top(points, "held");
    scoped.ifPresent(
        s -> {
          String at = " (scoped, C=" + s.concurrency() + ")";
          targets.add(new Target("zero errors" + at, Long.toString(s.errors()), s.errors() == 0));
          targets.add(
              new Target(
                  "efficiency >= 0.90" + at,
                  Double.toString(s.efficiency()),
                  s.efficiency() >= 0.9));
          targets.add(
              new Target(
                  "max_active_connections <= pool size" + at,
                  s.maxActiveConnections() + " <= " + s.poolSize(),
                  s.maxActiveConnections() <= s.poolSize()));
          targets.add(
              new Target(
                  "connection lease per chat in milliseconds, not seconds" + at,
                  s.connectionLeaseMsPerChat() + " ms",
                  s.connectionLeaseMsPerChat() < 1000));
          targets.add(
              new Target(
                  "service heap within -Xmx" + heapMb + "m" + at,
                  s.serverHeapMaxMb() + " MiB",
                  s.serverHeapMaxMb() <= heapMb));
        });
    held.ifPresent(
        h -> {
          double bound = h.poolSize() * 1000.0 / h.llmLatencyMs();
          String at = " (held, C=" + h.concurrency() + ")";
          targets.add(
              new Target(
                  "throughput near P / L = " + bound + "/s" + at,
                  h.throughputPerS() + "/s",
                  h.throughputPerS() <= bound * 1.1 && h.throughputPerS() >= bound * 0.5));
          targets.add(
              new Target(
                  "pool timeouts as concurrency rises" + at,
                  Long.toString(h.poolTimeouts()),
                  h.poolTimeouts() > 0));
        });
    if (scoped.isPresent() && held.isPresent()) {
      double ratio = scoped.get().throughputPerS() / Math.max(1e-9, held.get().throughputPerS());
      targets.add(
          new Target(
              "scoped throughput >= 50x held at C=" + scoped.get().concurrency(),
              Math.round(ratio * 10) / 10.0 + "x",
              ratio >= 50));
    }
    targets.add(
        new Target("full run under 5 minutes", Math.round(runSeconds) + " s", runSeconds < 300));
    return targets;
  }

  private static Optional<PointResult> top(List<PointResult> points, String mode) {
    return points.stream()
        .filter(p -> p.mode().equals(mode))
        .max(Comparator.comparingInt(PointResult::concurrency));
  }
}
