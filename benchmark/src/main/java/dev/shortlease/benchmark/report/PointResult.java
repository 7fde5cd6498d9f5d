package dev.shortlease.benchmark.report;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * Benchmark report: one mode at one concurrency. Written to JSON in snake_case; the field list is
 * docs/benchmark.md's, plus the CPU split that shows whether the service or the generator was the
 * limit, the service's CPU per completed chat (the number modes are compared by) and the memory one
 * open stream costs (live heap after a full GC and RSS, idle against the window's close, over the
 * streams open then). {@code serverDied} is empty when the service lived through the point, and
 * otherwise says how it died ({@link dev.shortlease.benchmark.service.ServiceFate}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PointResult(
    String mode,
    int concurrency,
    int poolSize,
    long llmLatencyMs,
    double warmupS,
    double windowS,
    long completed,
    long errors,
    long poolTimeouts,
    double throughputPerS,
    double idealThroughputPerS,
    double efficiency,
    double latencyP50Ms,
    double latencyP99Ms,
    double latencyMaxMs,
    double firstTokenP99Ms,
    double poolAcquireP99Ms,
    double connectionLeaseMsPerChat,
    double connectionLeasesPerChat,
    double connectionLeaseP99Ms,
    int maxActiveConnections,
    int maxThreadsWaiting,
    int maxBackendConnections,
    double serverHeapMaxMb,
    double serverRssMaxMb,
    double serverCpuCores,
    double serverCpuMsPerChat,
    double serverCpuMsPerChatWithoutJit,
    double serverJitCpuCores,
    double generatorCpuCores,
    double machineCpuBusy,
    long openStreams,
    double serverHeapLiveIdleMb,
    double serverHeapLiveOpenMb,
    double heapKibPerOpenStream,
    double rssKibPerOpenStream,
    long serverPoolTimeouts,
    long guardViolations,
    long leaks,
    Map<String, Long> errorKinds,
    String serverDied) {

  public PointResult {
    errorKinds = Map.copyOf(errorKinds);
    serverDied = serverDied == null ? "" : serverDied;
  }

  /**
   * Whether the service stayed within its heap limit: it lived through the point, its heap was
   * sampled, and the highest sample is within {@code heapMb}.
   */
  public boolean heapWithin(int heapMb) {
    return serverDied.isEmpty() && Double.isFinite(serverHeapMaxMb) && serverHeapMaxMb <= heapMb;
  }
}
