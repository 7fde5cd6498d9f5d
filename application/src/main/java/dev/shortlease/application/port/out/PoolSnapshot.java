package dev.shortlease.application.port.out;

/**
 * The connection pool at one instant (rule R6). Times are milliseconds. The acquire and lease
 * percentiles and their max cover the same recent window, {@code percentileWindowSeconds} long (so
 * no percentile exceeds the max); {@code timeouts}, {@code leaks} and {@code guardViolations} count
 * since the start. {@code guardViolations} counts long calls entered while holding a connection.
 * {@code acquiringStacksRecorded} tells whether checkouts record where they were taken now: always
 * with {@code GUARD_STACKS=every-checkout}, after the tracker's first report with the default.
 */
public record PoolSnapshot(
    int max,
    int active,
    int idle,
    int total,
    int threadsWaiting,
    Percentiles acquireMillis,
    Percentiles leaseMillis,
    int percentileWindowSeconds,
    long timeouts,
    long leaks,
    long guardViolations,
    boolean acquiringStacksRecorded) {

  /**
   * Latency percentiles in milliseconds. None exceeds {@code max}: percentiles come from histogram
   * buckets and the max from its own rotating buffer, and the two may disagree by a bucket or a
   * rotation; a reader must never see p99 above the max.
   */
  public record Percentiles(double p50, double p95, double p99, double max) {
    public static final Percentiles NONE = new Percentiles(0, 0, 0, 0);

    public Percentiles {
      p50 = Math.min(p50, max);
      p95 = Math.min(p95, max);
      p99 = Math.min(p99, max);
    }
  }
}
