package dev.shortlease.application.port.out;

import java.util.List;
import java.util.Objects;

/**
 * What this instance did lately, for the live page: the pool against the chats over the last
 * minutes, how long recent leases were, and recent chats as intervals on one time axis. Times are
 * epoch milliseconds (fractions kept: a lease may last 200 µs).
 */
public record RecentActivity(
    List<PoolSample> samples, List<LeaseBucket> leaseMillis, List<ChatTimeline> chats) {
  public RecentActivity {
    samples = List.copyOf(samples);
    leaseMillis = List.copyOf(leaseMillis);
    chats = List.copyOf(chats);
  }

  /** One reading: chats running, model calls in progress, and the pool's connections. */
  public record PoolSample(
      long atMillis, int chatsRunning, int modelCalls, int active, int idle, int pending) {}

  /** Recent leases that lasted at most {@code upToMillis} (null: longer than every bound). */
  public record LeaseBucket(Double upToMillis, long count) {}

  /** One chat: its connection leases and model calls, each an interval. */
  public record ChatTimeline(String id, List<Interval> intervals) {
    public ChatTimeline {
      Objects.requireNonNull(id, "id");
      intervals = List.copyOf(intervals);
    }
  }

  /** A lease ({@code kind} "lease") or a model call ("model"); {@code label} says more. */
  public record Interval(String kind, double startMillis, double endMillis, String label) {}
}
