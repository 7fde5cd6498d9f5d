package dev.shortlease.benchmark;

import dev.shortlease.benchmark.report.FloorRatios;
import dev.shortlease.benchmark.report.PointResult;
import dev.shortlease.benchmark.report.Targets;
import java.util.List;

/** Benchmark: the one-line console summaries of points and targets. */
final class Summary {

  private Summary() {}

  static String line(PointResult p) {
    return ("%-11s C=%-5d L=%-5d done=%-6d err=%-5d 503=%-5d thr=%8.1f/s eff=%.2f p50=%6.0fms p99=%6.0fms"
                + " ttft99=%5.0fms act<=%d pg<=%d lease/chat=%.2fms (%.1f) heap<=%.0fMiB rss<=%.0fMiB"
                + " cpu srv=%.2f (jit %.2f) gen=%.2f box=%.2f cpu/chat=%.2fms warm-up=%.0fs")
            .formatted(
                p.mode(),
                p.concurrency(),
                p.llmLatencyMs(),
                p.completed(),
                p.errors(),
                p.poolTimeouts(),
                p.throughputPerS(),
                p.efficiency(),
                p.latencyP50Ms(),
                p.latencyP99Ms(),
                p.firstTokenP99Ms(),
                p.maxActiveConnections(),
                p.maxBackendConnections(),
                p.connectionLeaseMsPerChat(),
                p.connectionLeasesPerChat(),
                p.serverHeapMaxMb(),
                p.serverRssMaxMb(),
                p.serverCpuCores(),
                p.serverJitCpuCores(),
                p.generatorCpuCores(),
                p.machineCpuBusy(),
                p.serverCpuMsPerChat(),
                p.warmupS())
        + (p.serverDied().isEmpty() ? "" : " SERVICE DIED: " + p.serverDied());
  }

  static String ratios(List<FloorRatios.Ratio> ratios) {
    StringBuilder out = new StringBuilder("against floor (same C and L, this run):\n");
    ratios.forEach(
        r ->
            out.append(
                "  %-11s C=%-5d L=%-5d cpu/chat %.2fx  lease/chat %.2fx  throughput %.2fx%n"
                    .formatted(
                        r.mode(),
                        r.concurrency(),
                        r.llmLatencyMs(),
                        r.cpuPerChat(),
                        r.leasePerChat(),
                        r.throughput())));
    return out.toString();
  }

  static String targets(List<Targets.Target> targets) {
    StringBuilder out = new StringBuilder("targets:\n");
    targets.forEach(
        t ->
            out.append(
                "  [%s] %s: %s%n"
                    .formatted(
                        t.status() == Targets.Status.MISSED ? "MISSED" : t.status().label(),
                        t.target(),
                        t.measured())));
    return out.toString();
  }
}
