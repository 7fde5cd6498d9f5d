package dev.shortlease.benchmark.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.benchmark.service.JsonFields;
import dev.shortlease.benchmark.service.ProcStats;
import dev.shortlease.benchmark.service.PrometheusText;
import dev.shortlease.benchmark.service.ServiceClient;

/**
 * Benchmark harness: the counters read at one edge of the measured window; two readings give the
 * window's deltas (CPU of service and generator, pool timeouts, total connection lease time).
 */
public record EdgeReading(
    long nanoTime,
    double serverCpuS,
    double serverJitCpuS,
    double generatorCpuS,
    long machineBusyTicks,
    long machineTotalTicks,
    long poolTimeouts,
    double leaseSecondsSum,
    double leaseCount,
    JsonNode pool) {

  /** Reads now; a service that does not answer leaves its fields at NaN / -1. */
  public static EdgeReading take(ServiceClient service, long serverPid) {
    long now = System.nanoTime();
    double serverCpu = ProcStats.cpuSeconds(serverPid);
    double serverJitCpu = ProcStats.jitCpuSeconds(serverPid);
    double generatorCpu = ProcStats.cpuSeconds(ProcessHandle.current().pid());
    long[] machine = ProcStats.machineTicks();
    JsonNode pool = null;
    double leaseSum = Double.NaN;
    double leaseCount = Double.NaN;
    try {
      pool = service.poolSnapshot();
      PrometheusText metrics = service.metrics();
      leaseSum = metrics.sum("hikaricp_connections_usage_seconds_sum", "");
      leaseCount = metrics.sum("hikaricp_connections_usage_seconds_count", "");
    } catch (Exception e) {
      // reported as missing values
    }
    long timeouts = pool == null ? -1 : JsonFields.field(pool, "timeouts").asLong(-1);
    return new EdgeReading(
        now,
        serverCpu,
        serverJitCpu,
        generatorCpu,
        machine[0],
        machine[1],
        timeouts,
        leaseSum,
        leaseCount,
        pool);
  }
}
