package dev.shortlease.guardrails.guard;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tracker's book of open leases: records each checkout and its return, and answers who holds
 * what, ending on the way the leases whose connection was closed behind the tracker (ADR 0055).
 */
final class LeaseBook implements TrackedDataSource.Leases {
  private final String tracker;
  private final StackRecording stackRecording;
  private final UnitsOfWork units;
  private final GuardCounters counters;
  private final LeaseFanOut fanOut;
  private final Map<Lease, Boolean> open = new ConcurrentHashMap<>();
  private final AtomicLong connectionIds = new AtomicLong();

  LeaseBook(
      String tracker,
      StackRecording stackRecording,
      UnitsOfWork units,
      GuardCounters counters,
      LeaseFanOut fanOut) {
    this.tracker = tracker;
    this.stackRecording = stackRecording;
    this.units = units;
    this.counters = counters;
    this.fanOut = fanOut;
  }

  /**
   * One checked-out connection: who took it, in which unit of work, when, and from where (null when
   * not recorded).
   */
  record Lease(
      String connectionId,
      Connection pooled,
      Thread owner,
      UnitsOfWork.Unit unit,
      long acquiredAtNanos,
      Throwable site,
      LeaseObserver.Lease observed) {

    boolean heldBy(Thread thread, UnitsOfWork.Unit currentUnit) {
      return owner == thread || (currentUnit != null && unit == currentUnit);
    }
  }

  @Override
  public Throwable site() {
    return stackRecording.on() ? new Throwable() : null;
  }

  /**
   * Records {@code pooled}, just taken by the calling thread, acquired at {@code site}; the result
   * ends its lease.
   */
  @Override
  public Runnable taken(Throwable site, Connection pooled) {
    counters.acquired();
    String connectionId = Long.toString(connectionIds.incrementAndGet());
    Lease lease =
        new Lease(
            connectionId,
            pooled,
            Thread.currentThread(),
            units.current(),
            System.nanoTime(),
            site,
            fanOut.checkedOut(tracker, connectionId));
    open.put(lease, Boolean.TRUE);
    return () -> ended(lease);
  }

  /** Open leases of {@code thread}, or of any thread of {@code unit} (null: none). */
  int count(Thread thread, UnitsOfWork.Unit unit) {
    int count = 0;
    for (Lease lease : open.keySet()) {
      if (lease.heldBy(thread, unit) && !returnedBehindTheTracker(lease)) {
        count++;
      }
    }
    return count;
  }

  /** As {@link #count}, the leases themselves. */
  List<Lease> heldBy(Thread thread, UnitsOfWork.Unit unit) {
    return open.keySet().stream()
        .filter(lease -> lease.heldBy(thread, unit) && !returnedBehindTheTracker(lease))
        .toList();
  }

  /** The open leases, after ending those whose connection was closed behind the tracker. */
  List<Lease> stillOpen() {
    return open.keySet().stream().filter(lease -> !returnedBehindTheTracker(lease)).toList();
  }

  /** The open leases taken more than {@code limitNanos} before {@code now}, oldest first. */
  List<Lease> heldLongerThan(long limitNanos, long now) {
    return open.keySet().stream()
        .filter(lease -> now - lease.acquiredAtNanos() > limitNanos)
        .filter(lease -> !returnedBehindTheTracker(lease))
        .sorted(Comparator.comparingLong(Lease::acquiredAtNanos))
        .toList();
  }

  /**
   * True, and the lease ended, when its connection was closed without {@link
   * TrackedConnection#close()}: through the driver's or pool's own {@code
   * statement.getConnection()}, {@code resultSet.getStatement().getConnection()} or {@code
   * metaData.getConnection()}, which return the pool's connection, not the tracked one (statements
   * are not wrapped, ADR 0026). Asked only of the leases a check is about (ADR 0055); {@code
   * isClosed()} reads a flag in HikariCP and the common drivers. Its held time ends here, when the
   * tracker notices, not when the pool took the connection back.
   */
  private boolean returnedBehindTheTracker(Lease lease) {
    boolean closed;
    try {
      closed = lease.pooled().isClosed();
    } catch (SQLException | RuntimeException e) {
      closed = false; // cannot tell: still held, as before
    }
    if (closed) {
      ended(lease);
    }
    return closed;
  }

  private void ended(Lease lease) {
    boolean wasOpen = open.remove(lease) != null;
    if (!wasOpen) {
      return;
    }
    long releasedAt = System.nanoTime();
    counters.leaseEnded(releasedAt - lease.acquiredAtNanos());
    fanOut.ended(lease, releasedAt);
  }
}
