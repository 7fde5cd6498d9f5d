package dev.shortlease.guardrails.guard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-hold sweep: finds, from time to time, the pooled connections held longer than a threshold on
 * any thread ({@link ConnectionTracker#heldLongerThan(Duration)}) and logs each one once, at WARN,
 * naming the connection, the taking thread, how long it has been held and its acquiring stack; when
 * such a connection is returned after all, that is logged once at INFO.
 *
 * <p>It is the net behind {@link LeakCheck} for connections held too long anywhere, including ones
 * no use case wraps, and replaces a pool's own leak detection (HikariCP's {@code
 * leakDetectionThreshold}), which captures a second stack and schedules a task on every checkout:
 * the sweep reads what the tracker records anyway, so a checkout costs nothing more. It sees the
 * connections taken through the tracker's {@link ConnectionTracker#wrap wrapped} data sources only.
 *
 * <p>It logs and counts nothing: {@link ConnectionTracker#leaks()} stays the leak check's count of
 * use cases that returned holding a connection. {@link #start} sweeps every half threshold on one
 * daemon platform thread, so a hold is reported between one and one and a half thresholds after its
 * checkout; {@link #close()} stops it.
 */
public final class LongHoldSweep implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LongHoldSweep.class);

  private final ConnectionTracker tracker;
  private final Duration threshold;
  // Connection ID -> taking thread, of the holds reported and not yet seen returned.
  private final Map<String, String> reported = new HashMap<>();
  private volatile ScheduledExecutorService timer;

  /**
   * A sweep of {@code tracker} for holds longer than {@code threshold}, run by calling {@link
   * #sweep()}.
   */
  public LongHoldSweep(ConnectionTracker tracker, Duration threshold) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.threshold = Objects.requireNonNull(threshold, "threshold");
    if (threshold.isNegative() || threshold.isZero()) {
      throw new IllegalArgumentException("threshold must be positive: " + threshold);
    }
  }

  /**
   * Starts a sweep of {@code tracker} every half {@code threshold} on a daemon platform thread
   * ({@code long-hold-sweep-<tracker name>}); close it to stop.
   */
  public static LongHoldSweep start(ConnectionTracker tracker, Duration threshold) {
    LongHoldSweep sweep = new LongHoldSweep(tracker, threshold);
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("long-hold-sweep-" + tracker.name()).factory());
    long periodNanos = sweep.period().toNanos();
    timer.scheduleWithFixedDelay(
        sweep::sweepQuietly, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    sweep.timer = timer;
    return sweep;
  }

  /** The hold time past which a connection is reported. */
  public Duration threshold() {
    return threshold;
  }

  /** How often a started sweep runs: half the threshold (at least 1 ms). */
  public Duration period() {
    Duration half = threshold.dividedBy(2);
    return half.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : half;
  }

  /**
   * True while a sweep {@link #start started} is scheduled (false once closed, or never started).
   */
  public boolean isRunning() {
    ScheduledExecutorService current = timer;
    return current != null && !current.isShutdown();
  }

  /**
   * Sweeps once: logs each hold longer than the threshold not reported before, and each reported
   * one since returned. Returns the holds reported by this sweep.
   */
  public synchronized List<LongHold> sweep() {
    List<LongHold> holds = tracker.heldLongerThan(threshold);
    Set<String> stillHeld = holds.stream().map(LongHold::connectionId).collect(Collectors.toSet());
    // A reported connection leaves the list only by being returned: held time only grows.
    reported
        .entrySet()
        .removeIf(
            entry -> {
              if (stillHeld.contains(entry.getKey())) {
                return false;
              }
              LOG.info(
                  "connection {} of tracker {}, reported as held longer than {} ms by thread {},"
                      + " has been returned",
                  entry.getKey(),
                  tracker.name(),
                  threshold.toMillis(),
                  entry.getValue());
              return true;
            });
    List<LongHold> fresh = new ArrayList<>();
    for (LongHold hold : holds) {
      if (reported.putIfAbsent(hold.connectionId(), hold.threadName()) == null) {
        fresh.add(hold);
        LOG.warn(
            "pooled connection held longer than {} ms (tracker {}), possibly leaked: {}",
            threshold.toMillis(),
            tracker.name(),
            hold.describe());
      }
    }
    return fresh;
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      // An exception would end the schedule; the next sweep tries again.
      LOG.warn("long-hold sweep failed, will retry: {}", e.toString());
    }
  }

  /** Stops a started sweep; nothing is reported after it returns, except by a sweep under way. */
  @Override
  public void close() {
    ScheduledExecutorService current = timer;
    if (current != null) {
      current.shutdownNow();
    }
  }
}
