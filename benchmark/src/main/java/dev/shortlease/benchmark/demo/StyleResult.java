package dev.shortlease.benchmark.demo;

/**
 * Demonstration: what one style did under the load.
 *
 * @param style the style
 * @param seconds the measured window
 * @param completed chats that ended with {@code message_end} in the window
 * @param refused chats refused because no connection came in time (HTTP 503)
 * @param otherErrors chats that failed otherwise
 * @param pool the pool's counters over the window (leases, lease and wait time, refusals)
 * @param guardViolations model calls started while the request held a connection (rule R3)
 * @param timeline one chat, alone, on a time axis
 * @param errorKinds failed chats by what the client saw
 */
record StyleResult(
    DemoStyle style,
    double seconds,
    long completed,
    long refused,
    long otherErrors,
    LeaseRecorder.Totals pool,
    long guardViolations,
    Timeline timeline,
    java.util.Map<String, Long> errorKinds) {

  double chatsPerSecond() {
    return completed / seconds;
  }

  /** Connection time per completed chat: how much of the pool one answer costs. */
  double leaseMillisPerChat() {
    return completed == 0 ? Double.NaN : pool.leaseNanos() / 1e6 / completed;
  }

  /** Average wait for a connection per checkout. */
  double waitMillisPerCheckout() {
    return pool.leases() == 0 ? 0 : pool.waitNanos() / 1e6 / pool.leases();
  }
}
