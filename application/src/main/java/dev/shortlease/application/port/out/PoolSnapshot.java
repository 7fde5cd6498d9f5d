package dev.shortlease.application.port.out;

/**
 * The connection pool at one instant (rule R6). Times are milliseconds; percentiles are over the
 * process lifetime. {@code guardViolations} counts long calls entered while holding a connection.
 */
public record PoolSnapshot(
    int max,
    int active,
    int idle,
    int total,
    int threadsWaiting,
    Percentiles acquireMillis,
    Percentiles leaseMillis,
    long timeouts,
    long leaks,
    long guardViolations) {

  /** Latency percentiles in milliseconds. */
  public record Percentiles(double p50, double p95, double p99, double max) {
    public static final Percentiles NONE = new Percentiles(0, 0, 0, 0);
  }
}
