package dev.shortlease.bootstrap;

import dev.shortlease.application.port.out.RecentActivity.ChatTimeline;
import dev.shortlease.application.port.out.RecentActivity.Interval;
import dev.shortlease.application.port.out.RecentActivity.LeaseBucket;
import dev.shortlease.guardrails.guard.EndedLease;
import dev.shortlease.guardrails.guard.LeaseListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Composition root: a bounded memory of recent connection leases (fed by the connection tracker)
 * and model calls (fed by {@link MeasuredChatModel}), grouped by unit of work. Each use-case call
 * is one unit and a chat's runner thread inherits it, so one unit is one chat: its T2 on the
 * request thread, its model calls and T4 on the runner.
 */
final class ActivityRecorder implements LeaseListener {
  static final int UNITS = 256;
  static final int INTERVALS_PER_UNIT = 64;
  static final int LEASES = 4096;

  /** Upper bounds of the lease-time buckets, ms; a last bucket takes the longer ones. */
  static final double[] LEASE_BOUNDS = {0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};

  private final double epochOffsetMillis =
      System.currentTimeMillis() - System.nanoTime() / 1_000_000.0;
  private final AtomicLongArray leaseNanos = new AtomicLongArray(LEASES);
  private final AtomicLong leaseCount = new AtomicLong();
  private final Map<Long, Unit> units =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Unit> eldest) {
          return size() > UNITS;
        }
      };

  /** A unit's intervals, in the order they ended. */
  private static final class Unit {
    final long id;
    final List<Span> spans = new ArrayList<>();
    boolean calledModel;

    Unit(long id) {
      this.id = id;
    }
  }

  /**
   * One interval as recorded: raw times and the parts of its label — a model call's label as is, or
   * a lease's connection ID in {@code label} and its thread in {@code thread}. A lease's label is
   * put together only when the page asks (a string per lease, on the database worker that just
   * returned it, would delay that worker's next unit).
   */
  private record Span(String kind, long startNanos, long endNanos, String label, String thread) {
    Interval toInterval(double epochOffsetMillis) {
      return new Interval(
          kind,
          epochOffsetMillis + startNanos / 1_000_000.0,
          epochOffsetMillis + endNanos / 1_000_000.0,
          thread == null ? label : "connection " + label + " on " + thread);
    }
  }

  @Override
  public void leaseEnded(EndedLease lease) {
    long slot = leaseCount.getAndIncrement() % LEASES;
    leaseNanos.set((int) slot, lease.heldNanos());
    if (lease.unitOfWork() != 0) {
      add(
          lease.unitOfWork(),
          new Span(
              "lease",
              lease.acquiredAtNanos(),
              lease.releasedAtNanos(),
              lease.connectionId(),
              lease.threadName()),
          false);
    }
  }

  void modelCall(long unit, long startNanos, long endNanos, String label) {
    if (unit != 0) {
      add(unit, new Span("model", startNanos, endNanos, label, null), true);
    }
  }

  /** The last {@code max} units that called the model, oldest first. */
  synchronized List<ChatTimeline> chats(int max) {
    List<Unit> chats = units.values().stream().filter(unit -> unit.calledModel).toList();
    return chats.subList(Math.max(0, chats.size() - max), chats.size()).stream()
        .map(
            unit ->
                new ChatTimeline(
                    "chat-" + unit.id,
                    unit.spans.stream()
                        .sorted(Comparator.comparingLong(Span::startNanos))
                        .map(span -> span.toInterval(epochOffsetMillis))
                        .toList()))
        .toList();
  }

  /** How long the last {@link #LEASES} leases lasted, in {@link #LEASE_BOUNDS} buckets. */
  List<LeaseBucket> leaseHistogram() {
    long[] counts = new long[LEASE_BOUNDS.length + 1];
    int filled = (int) Math.min(leaseCount.get(), LEASES);
    for (int i = 0; i < filled; i++) {
      double ms = leaseNanos.get(i) / 1_000_000.0;
      int bucket = 0;
      while (bucket < LEASE_BOUNDS.length && ms > LEASE_BOUNDS[bucket]) {
        bucket++;
      }
      counts[bucket]++;
    }
    List<LeaseBucket> buckets = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      buckets.add(new LeaseBucket(i < LEASE_BOUNDS.length ? LEASE_BOUNDS[i] : null, counts[i]));
    }
    return buckets;
  }

  private synchronized void add(long unitId, Span span, boolean model) {
    Unit unit = units.computeIfAbsent(unitId, Unit::new);
    if (unit.spans.size() < INTERVALS_PER_UNIT) {
      unit.spans.add(span);
    }
    unit.calledModel |= model;
  }
}
