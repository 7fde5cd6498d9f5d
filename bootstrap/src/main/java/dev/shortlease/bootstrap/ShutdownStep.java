package dev.shortlease.bootstrap;

import java.time.Duration;

/**
 * A last step of the shutdown that talks to the database (ending the lease, closing the pool), run
 * on a daemon thread and waited for only until the grace ends. With a silent database (a partition:
 * no reply, no reset) such a step waits for the driver's socket timeout, 35 s by default, behind
 * the database workers still stuck in final saves; the process must be gone before the
 * orchestrator's SIGKILL instead. A daemon thread keeps no JVM alive.
 */
final class ShutdownStep {
  /** Even a spent grace leaves a healthy database this long to end the lease. */
  static final Duration MIN_WAIT = Duration.ofMillis(200);

  private ShutdownStep() {}

  /** Runs {@code step}; true when it finished by {@code deadlineNanos} (or {@link #MIN_WAIT}). */
  static boolean runUntil(long deadlineNanos, Runnable step) throws InterruptedException {
    Thread thread = Thread.ofPlatform().daemon().name("shutdown-database").start(step);
    long left = Math.max(deadlineNanos - System.nanoTime(), MIN_WAIT.toNanos());
    return thread.join(Duration.ofNanos(left));
  }
}
