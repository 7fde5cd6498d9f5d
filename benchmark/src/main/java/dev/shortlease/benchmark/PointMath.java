package dev.shortlease.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.benchmark.load.EdgeReading;
import dev.shortlease.benchmark.load.ResourceSampler;
import dev.shortlease.benchmark.load.WindowRecorder;
import dev.shortlease.benchmark.report.PointResult;
import dev.shortlease.benchmark.service.JsonFields;
import dev.shortlease.benchmark.service.MemoryProbe;
import dev.shortlease.benchmark.service.ServiceFate;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/** Benchmark: turns one point's raw readings into its {@link PointResult}. */
final class PointMath {

  private PointMath() {}

  static PointResult result(
      BenchmarkSettings settings,
      Mode mode,
      LoadPoint point,
      Duration warmedUp,
      WindowRecorder recorder,
      EdgeReading open,
      EdgeReading close,
      ResourceSampler sampler,
      JsonNode finalPool,
      Memory memory,
      ServiceFate fate) {
    double windowS = (close.nanoTime() - open.nanoTime()) / 1e9;
    long completed = recorder.completed();
    // Rates per chat divide by the chats done in the window, each counted by its share inside
    // (ADR 0044): the count of endings moves with where clumps of them fall.
    double done = recorder.chatsDone();
    double throughput = done / windowS;
    double ideal = point.idealPerSecond();
    double serverCpuS = close.serverCpuS() - open.serverCpuS();
    double serverJitCpuS = close.serverJitCpuS() - open.serverJitCpuS();
    Histogram latency = recorder.latency();
    // Total connection time the pool handed out in the window, per chat done.
    double leaseMsPerChat =
        done == 0 ? Double.NaN : (close.leaseSecondsSum() - open.leaseSecondsSum()) * 1000 / done;
    double leasesPerChat = done == 0 ? Double.NaN : (close.leaseCount() - open.leaseCount()) / done;
    long machineTotal = close.machineTotalTicks() - open.machineTotalTicks();
    return new PointResult(
        mode.label(),
        point.concurrency(),
        settings.poolSize(),
        point.latency().toMillis(),
        round(warmedUp.toMillis() / 1000.0),
        round(windowS),
        completed,
        recorder.errors(),
        recorder.poolTimeouts(),
        round(throughput),
        round(ideal),
        round(throughput / ideal),
        percentile(latency, 50),
        percentile(latency, 99),
        latency.getTotalCount() == 0 ? 0 : latency.getMaxValue(),
        percentile(recorder.firstToken(), 99),
        round(
            JsonFields.field(JsonFields.field(finalPool, "acquireMillis"), "p99")
                .asDouble(Double.NaN)),
        round(leaseMsPerChat),
        round(leasesPerChat),
        round(
            JsonFields.field(JsonFields.field(finalPool, "leaseMillis"), "p99")
                .asDouble(Double.NaN)),
        sampler.maxActive(),
        sampler.maxWaiting(),
        sampler.maxBackends(),
        round(sampler.maxHeapMib()),
        round(sampler.maxRssMib()),
        round(serverCpuS / windowS),
        round(done == 0 ? Double.NaN : serverCpuS * 1000 / done),
        round(done == 0 ? Double.NaN : (serverCpuS - serverJitCpuS) * 1000 / done),
        round(serverJitCpuS / windowS),
        round((close.generatorCpuS() - open.generatorCpuS()) / windowS),
        round(
            machineTotal == 0
                ? Double.NaN
                : (close.machineBusyTicks() - open.machineBusyTicks()) / (double) machineTotal),
        memory.openStreams(),
        round(memory.idle().liveHeapMib()),
        round(memory.open().liveHeapMib()),
        round(memory.open().heapKibPerStream(memory.idle(), memory.openStreams())),
        round(memory.open().rssKibPerStream(memory.idle(), memory.openStreams())),
        close.poolTimeouts() - open.poolTimeouts(),
        JsonFields.field(finalPool, "guardViolations").asLong(-1),
        JsonFields.field(finalPool, "leaks").asLong(-1),
        recorder.errorKinds(),
        fate.died());
  }

  /** The service's memory idle and with the load's streams open, and how many were open. */
  record Memory(MemoryProbe idle, MemoryProbe open, long openStreams) {}

  private static double percentile(Histogram histogram, double p) {
    return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(p);
  }

  /** Two decimals are plenty for a report, and keep the JSON readable. */
  static double round(double value) {
    return Double.isNaN(value) || Double.isInfinite(value)
        ? value
        : Math.round(value * 100) / 100.0;
  }
}
