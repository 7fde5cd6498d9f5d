package dev.shortlease.benchmark.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Benchmark report: the targets of docs/benchmark.md, each evaluated from one run's points (ratios
 * against the {@code floor} mode measured side by side, and scale targets). Reported, never
 * enforced: a benchmark informs; the CI guard ({@link RegressionGuard}) is what fails a build. A
 * target whose point was not in the run is {@code not measured}, neither met nor missed.
 */
public final class Targets {

  /** Ratio limits against the floor, at C=1000 and L=2 s. */
  public static final double MAX_CPU_RATIO = 1.5;

  public static final double MAX_LEASE_RATIO = 1.5;

  /** The run time of a default run ({@code run.sh} without knobs). */
  public static final double MAX_DEFAULT_RUN_SECONDS = 360;

  private static final long L = 2000;
  private static final long LONG_L = 20_000;

  /** Whether a target was met. */
  public enum Status {
    MET,
    MISSED,
    NOT_MEASURED;

    @JsonValue
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /** One target: what it says, the measured value, and whether it was met. */
  public record Target(String target, String measured, Status status) {

    static Target of(String target, String measured, boolean met) {
      return new Target(target, measured, met ? Status.MET : Status.MISSED);
    }

    static Target notMeasured(String target) {
      return new Target(target, "point not in this run", Status.NOT_MEASURED);
    }

    public boolean met() {
      return status == Status.MET;
    }
  }

  private Targets() {}

  /**
   * The highest heap sample, or how the service died: a dead service's last sample predates its
   * death and says nothing about the limit.
   */
  private static String heapMeasured(PointResult p) {
    return p.serverDied().isEmpty()
        ? p.serverHeapMaxMb() + " MiB"
        : "service died (" + p.serverDied() + "), last heap sample " + p.serverHeapMaxMb() + " MiB";
  }

  /**
   * @param defaultRun whether the run used the default points and modes (only then is its duration
   *     checked against the six-minute budget)
   */
  public static List<Target> check(
      List<PointResult> points, double runSeconds, int heapMb, boolean defaultRun) {
    List<Target> targets = new ArrayList<>();
    ratio(targets, points, "CPU per chat", FloorRatios.Ratio::cpuPerChat, MAX_CPU_RATIO);
    ratio(targets, points, "lease per chat", FloorRatios.Ratio::leasePerChat, MAX_LEASE_RATIO);
    Optional<PointResult> scoped1000 = at(points, "scoped", 1000, L);
    String at1000 = " (scoped, C=1000, L=2 s)";
    targets.add(
        scoped1000
            .map(
                s ->
                    Target.of(
                        "efficiency >= 0.95" + at1000, s.efficiency() + "", s.efficiency() >= 0.95))
            .orElse(Target.notMeasured("efficiency >= 0.95" + at1000)));
    targets.add(zeroErrors(scoped1000, at1000));
    targets.add(
        zeroErrors(at(points, "scoped", 2000, L), " past the CPU limit (scoped, C=2000, L=2 s)"));
    Optional<PointResult> long10k = at(points, "scoped", 10_000, LONG_L);
    String atLong = " (scoped, C=10000, L=20 s)";
    targets.add(
        long10k
            .map(
                s ->
                    Target.of(
                        "efficiency >= 0.90" + atLong, s.efficiency() + "", s.efficiency() >= 0.90))
            .orElse(Target.notMeasured("efficiency >= 0.90" + atLong)));
    targets.add(zeroErrors(long10k, atLong));
    targets.add(
        long10k
            .map(
                s ->
                    Target.of(
                        "heap within -Xmx" + heapMb + "m" + atLong,
                        heapMeasured(s),
                        s.heapWithin(heapMb)))
            .orElse(Target.notMeasured("heap within -Xmx" + heapMb + "m" + atLong)));
    targets.add(
        long10k
            .map(
                s ->
                    Target.of(
                        "memory per open stream reported" + atLong,
                        "%.1f KiB heap, %.1f KiB RSS over %d open streams"
                            .formatted(
                                s.heapKibPerOpenStream(), s.rssKibPerOpenStream(), s.openStreams()),
                        Double.isFinite(s.heapKibPerOpenStream()) && s.openStreams() > 0))
            .orElse(Target.notMeasured("memory per open stream reported" + atLong)));
    List<PointResult> scopedPoints =
        points.stream().filter(p -> p.mode().equals("scoped")).toList();
    if (!scopedPoints.isEmpty()) {
      int maxActive =
          scopedPoints.stream().mapToInt(PointResult::maxActiveConnections).max().orElse(0);
      double maxHeap =
          scopedPoints.stream().mapToDouble(PointResult::serverHeapMaxMb).max().orElse(0);
      List<PointResult> overHeap =
          scopedPoints.stream().filter(p -> !p.heapWithin(heapMb)).toList();
      int pool = scopedPoints.get(0).poolSize();
      targets.add(
          Target.of(
              "max_active_connections <= pool size (scoped, every point)",
              maxActive + " <= " + pool,
              maxActive <= pool));
      targets.add(
          Target.of(
              "service heap within -Xmx" + heapMb + "m (scoped, every point)",
              overHeap.isEmpty()
                  ? maxHeap + " MiB"
                  : overHeap.stream()
                      .map(p -> "C=" + p.concurrency() + ": " + heapMeasured(p))
                      .collect(java.util.stream.Collectors.joining("; ")),
              overHeap.isEmpty()));
    }
    for (String capped : List.of("held", "spring-osiv", "spring-osiv-body")) {
      Optional<PointResult> c = at(points, capped, 1000, L);
      String name = "throughput near P / L (" + capped + ", C=1000, L=2 s)";
      targets.add(
          c.map(
                  h -> {
                    double bound = h.poolSize() * 1000.0 / h.llmLatencyMs();
                    return Target.of(
                        name + ": " + bound + "/s",
                        h.throughputPerS() + "/s",
                        h.throughputPerS() <= bound * 1.1 && h.throughputPerS() >= bound * 0.5);
                  })
              .orElse(Target.notMeasured(name)));
      String times = "scoped throughput >= 50x " + capped + " (C=1000, L=2 s)";
      targets.add(
          scoped1000.isPresent() && c.isPresent()
              ? timesTarget(times, scoped1000.get(), c.get())
              : Target.notMeasured(times));
    }
    if (defaultRun) {
      targets.add(
          Target.of(
              "default run under 6 minutes",
              Math.round(runSeconds) + " s",
              runSeconds < MAX_DEFAULT_RUN_SECONDS));
    }
    return targets;
  }

  private static void ratio(
      List<Target> targets,
      List<PointResult> points,
      String what,
      java.util.function.ToDoubleFunction<FloorRatios.Ratio> value,
      double limit) {
    String name = "scoped " + what + " <= " + limit + "x floor's (C=1000, L=2 s)";
    Optional<FloorRatios.Ratio> r = FloorRatios.find(points, "scoped", 1000, L);
    targets.add(
        r.map(x -> Target.of(name, value.applyAsDouble(x) + "x", value.applyAsDouble(x) <= limit))
            .orElse(Target.notMeasured(name)));
  }

  private static Target zeroErrors(Optional<PointResult> point, String at) {
    return point
        .map(s -> Target.of("zero errors" + at, Long.toString(s.errors()), s.errors() == 0))
        .orElse(Target.notMeasured("zero errors" + at));
  }

  private static Target timesTarget(String name, PointResult scoped, PointResult capped) {
    if (capped.throughputPerS() <= 0) {
      return Target.of(name, capped.mode() + " completed nothing", scoped.throughputPerS() > 0);
    }
    double ratio = scoped.throughputPerS() / capped.throughputPerS();
    return Target.of(name, Math.round(ratio * 10) / 10.0 + "x", ratio >= 50);
  }

  /** The point of {@code mode} at C and L, if the run measured it. */
  static Optional<PointResult> at(List<PointResult> points, String mode, int c, long latencyMs) {
    Predicate<PointResult> match =
        p -> p.mode().equals(mode) && p.concurrency() == c && p.llmLatencyMs() == latencyMs;
    return points.stream().filter(match).findFirst();
  }
}
