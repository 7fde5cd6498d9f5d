package dev.shortlease.benchmark.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Load generator: the chats that ended inside the measured window (warm-up and drain excluded),
 * with latency and first-token histograms in milliseconds, and the chats done in the window counted
 * by the share of each that ran inside it ({@link #chatsDone()}). Safe for many client threads.
 */
public final class WindowRecorder {

  private static final long HIGHEST_MILLIS = 600_000;

  // Set once, when the warm-up ends (its length may depend on the service): nothing counts before.
  private volatile boolean opened;
  private volatile long windowStart;
  private volatile long windowEnd;
  private final Histogram latency = new ConcurrentHistogram(HIGHEST_MILLIS, 3);
  private final Histogram firstToken = new ConcurrentHistogram(HIGHEST_MILLIS, 3);
  private final LongAdder completed = new LongAdder();
  private final DoubleAdder done = new DoubleAdder();
  private final LongAdder poolTimeouts = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();

  /** A recorder whose window is set later, by {@link #open}. */
  public WindowRecorder() {}

  public WindowRecorder(long windowStartNanos, long windowEndNanos) {
    open(windowStartNanos, windowEndNanos);
  }

  /** Sets the window ({@link System#nanoTime()} values); chats ending before it are not counted. */
  public void open(long windowStartNanos, long windowEndNanos) {
    this.windowStart = windowStartNanos;
    this.windowEnd = windowEndNanos;
    this.opened = true;
  }

  /**
   * Records {@code outcome} if it ended inside the window, and returns whether it did; a completed
   * chat that ran partly inside also adds that share to {@link #chatsDone()}.
   */
  public boolean record(ChatOutcome outcome) {
    addShareInWindow(outcome);
    if (!opened || outcome.endNanos() - windowStart < 0 || outcome.endNanos() - windowEnd >= 0) {
      return false;
    }
    if (outcome.kind() == ChatOutcome.Kind.COMPLETED) {
      completed.increment();
      latency.recordValue(Math.min(HIGHEST_MILLIS, outcome.latencyMillis()));
      if (outcome.firstTokenMillis() >= 0) {
        firstToken.recordValue(Math.min(HIGHEST_MILLIS, outcome.firstTokenMillis()));
      }
    } else {
      errors.increment();
      if (outcome.kind() == ChatOutcome.Kind.POOL_TIMEOUT) {
        poolTimeouts.increment();
      }
      String key = outcome.kind() + ": " + outcome.detail();
      errorKinds.computeIfAbsent(key, k -> new LongAdder()).increment();
    }
    return true;
  }

  /** Adds what {@code other} recorded in its window: several windows reported as one. */
  public void addAll(WindowRecorder other) {
    latency.add(other.latency);
    firstToken.add(other.firstToken);
    completed.add(other.completed.sum());
    done.add(other.done.sum());
    poolTimeouts.add(other.poolTimeouts.sum());
    errors.add(other.errors.sum());
    other.errorKinds.forEach(
        (kind, count) -> errorKinds.computeIfAbsent(kind, k -> new LongAdder()).add(count.sum()));
  }

  public long completed() {
    return completed.sum();
  }

  /**
   * Completed chats, each counted by the share of its time that fell inside the window: a chat cut
   * by an edge counts in part (ADR 0044). For closed-loop clients this is the window over each
   * client's chat time, whatever the clients' phases; a plain count of the chats that ended inside
   * depends on where clumps of endings fall against the edges. Less than one chat's worth is none:
   * a mode that deadlocked in the window has no throughput, and no per-chat figures.
   */
  public double chatsDone() {
    double sum = done.sum();
    return sum < 1 ? 0 : sum;
  }

  private void addShareInWindow(ChatOutcome outcome) {
    long duration = outcome.endNanos() - outcome.startNanos();
    if (!opened || outcome.kind() != ChatOutcome.Kind.COMPLETED || duration <= 0) {
      return;
    }
    long from = Math.max(outcome.startNanos(), windowStart);
    long to = Math.min(outcome.endNanos(), windowEnd);
    if (to - from > 0) {
      done.add((double) (to - from) / duration);
    }
  }

  public long errors() {
    return errors.sum();
  }

  public long poolTimeouts() {
    return poolTimeouts.sum();
  }

  public Histogram latency() {
    return latency;
  }

  public Histogram firstToken() {
    return firstToken;
  }

  /** Error counts by kind and detail (the first 160 characters), for the report. */
  public Map<String, Long> errorKinds() {
    Map<String, Long> kinds = new java.util.TreeMap<>();
    errorKinds.forEach(
        (k, v) -> kinds.merge(k.substring(0, Math.min(160, k.length())), v.sum(), Long::sum));
    return kinds;
  }
}
