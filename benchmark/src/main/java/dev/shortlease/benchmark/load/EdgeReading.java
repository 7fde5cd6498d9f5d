package dev.shortlease.benchmark.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.benchmark.service.JsonFields;
import dev.shortlease.benchmark.service.ProcStats;
import dev.shortlease.benchmark.service.PrometheusText;
import dev.shortlease.benchmark.service.ServiceClient;
import java.util.List;

/**
 * Benchmark harness: the counters read at one edge of the measured window; two readings give the
 * window's deltas (CPU of service and generator, pool timeouts, total connection lease time).
 *
 * <p>The lease time is the first of {@link #LEASE_METRICS} the service exports: the service's and
 * the floor's are exact; HikariCP's, the Spring peer's only one, counts each lease in whole
 * milliseconds, which is close enough for its leases of a whole chat but would read a 0.4 ms lease
 * as nothing.
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

  /**
   * This reading moved on by one more window, {@code open} to {@code close}: its counters plus that
   * window's deltas, its pool snapshot the later one. Two readings, the first window's open and the
   * last such sum, give several windows' totals as if they were one.
   */
  public EdgeReading plusWindow(EdgeReading open, EdgeReading close) {
    return new EdgeReading(
        nanoTime + (close.nanoTime - open.nanoTime),
        serverCpuS + (close.serverCpuS - open.serverCpuS),
        serverJitCpuS + (close.serverJitCpuS - open.serverJitCpuS),
        generatorCpuS + (close.generatorCpuS - open.generatorCpuS),
        machineBusyTicks + (close.machineBusyTicks - open.machineBusyTicks),
        machineTotalTicks + (close.machineTotalTicks - open.machineTotalTicks),
        poolTimeouts + (close.poolTimeouts - open.poolTimeouts),
        leaseSecondsSum + (close.leaseSecondsSum - open.leaseSecondsSum),
        leaseCount + (close.leaseCount - open.leaseCount),
        close.pool);
  }

  /** Lease-time timers (each a {@code _sum} and a {@code _count}), in order of preference. */
  static final List<String> LEASE_METRICS =
      List.of(
          "guardrails_connections_lease_seconds",
          "floor_connections_lease_seconds",
          "hikaricp_connections_usage_seconds");

  /** Reads now; a service that does not answer leaves its fields at NaN / -1. */
  public static EdgeReading take(ServiceClient service, long serverPid) {
    long now = System.nanoTime();
    double serverCpu = ProcStats.cpuSeconds(serverPid);
    double serverJitCpu = ProcStats.jitCpuSeconds(serverPid);
    double generatorCpu = ProcStats.cpuSeconds(ProcessHandle.current().pid());
    long[] machine = ProcStats.machineTicks();
    JsonNode pool = null;
    double[] leases = {Double.NaN, Double.NaN};
    try {
      pool = service.poolSnapshot();
      leases = leaseTotals(service.metrics());
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
        leases[0],
        leases[1],
        pool);
  }

  /**
   * The total lease time in seconds and the number of leases in {@code metrics}, from the first of
   * {@link #LEASE_METRICS} present; NaN for both when none is.
   */
  static double[] leaseTotals(PrometheusText metrics) {
    for (String metric : LEASE_METRICS) {
      double sum = metrics.sum(metric + "_sum", "");
      if (!Double.isNaN(sum)) {
        return new double[] {sum, metrics.sum(metric + "_count", "")};
      }
    }
    return new double[] {Double.NaN, Double.NaN};
  }
}
