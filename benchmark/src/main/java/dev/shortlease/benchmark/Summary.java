package dev.shortlease.benchmark;

import dev.shortlease.benchmark.report.PointResult;
import dev.shortlease.benchmark.report.Targets;
import java.util.List;

/** Benchmark: the one-line console summaries of points and targets. */
final class Summary {

  private Summary() {}

  static String line(PointResult p) {
    return ("%-6s C=%-5d done=%-6d err=%-5d 503=%-5d thr=%8.1f/s eff=%.2f p50=%6.0fms p99=%6.0fms"
            + " ttft99=%5.0fms act<=%d pg<=%d lease/chat=%.1fms heap<=%.0fMiB rss<=%.0fMiB"
            + " cpu srv=%.2f gen=%.2f box=%.2f")
        .formatted(
            p.mode(),
            p.concurrency(),
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
            p.serverHeapMaxMb(),
            p.serverRssMaxMb(),
            p.serverCpuCores(),
            p.generatorCpuCores(),
            p.machineCpuBusy());
  }

  static String targets(List<Targets.Target> targets) {
    StringBuilder out = new StringBuilder("targets:\n");
    targets.forEach(
        t ->
            out.append(
                "  [%s] %s: %s%n".formatted(t.met() ? "met" : "MISSED", t.target(), t.measured())));
    return out.toString();
  }
}
