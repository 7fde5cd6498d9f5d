package dev.shortlease.benchmark.service;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark harness: the service's live heap (after a full GC asked for with {@code jcmd <pid>
 * GC.run}, so garbage does not count) and its RSS, read once idle and once with the load's streams
 * open: the difference over the open streams is the memory one open stream costs.
 */
public record MemoryProbe(double liveHeapMib, double rssMib) {

  /** Not measured (no jcmd, no metrics). */
  public static final MemoryProbe NONE = new MemoryProbe(Double.NaN, Double.NaN);

  public static MemoryProbe take(ServiceClient service, long pid) {
    try {
      Process jcmd =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  Long.toString(pid),
                  "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
        jcmd.destroyForcibly();
        return NONE;
      }
      double heap = service.metrics().sum("jvm_memory_used_bytes", "area=\"heap\"") / 1048576.0;
      return new MemoryProbe(heap, ProcStats.statusMib(pid, "VmRSS"));
    } catch (Exception e) {
      return NONE;
    }
  }

  /** KiB per open stream of the heap's growth from {@code idle} to this probe. */
  public double heapKibPerStream(MemoryProbe idle, long openStreams) {
    return perStream(liveHeapMib - idle.liveHeapMib, openStreams);
  }

  /** KiB per open stream of the RSS's growth from {@code idle} to this probe. */
  public double rssKibPerStream(MemoryProbe idle, long openStreams) {
    return perStream(rssMib - idle.rssMib, openStreams);
  }

  private static double perStream(double deltaMib, long openStreams) {
    return openStreams <= 0 ? Double.NaN : deltaMib * 1024 / openStreams;
  }
}
