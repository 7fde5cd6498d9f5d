package dev.shortlease.guardrails.guard;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a tracker's {@link LeaseObserver} and {@link LeaseListener}s of checkouts, returns and
 * violations; a failing observer is logged and never reaches the caller's work.
 */
final class LeaseFanOut {
  // The tracker's logger: its warnings keep the name they always had.
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionTracker.class);

  private final List<LeaseListener> listeners = new CopyOnWriteArrayList<>();
  // Null (the default) costs one volatile read per checkout: tracing off stays free.
  private volatile LeaseObserver observer;

  void observe(LeaseObserver observer) {
    this.observer = observer;
  }

  void addListener(LeaseListener listener) {
    listeners.add(listener);
  }

  /** {@code task} with the observer's context of the calling thread, or itself when none. */
  Runnable propagate(Runnable task) {
    LeaseObserver current = observer;
    return current == null ? task : current.propagate(task);
  }

  /** The observer's handle for a checkout by the calling thread; null when none wants it. */
  LeaseObserver.Lease checkedOut(String tracker, String connectionId) {
    LeaseObserver current = observer;
    if (current == null) {
      return null;
    }
    try {
      return current.checkedOut(tracker, connectionId);
    } catch (RuntimeException e) {
      LOG.warn("lease observer failed on a checkout; ignored", e);
      return null;
    }
  }

  /** Tells the lease's observer handle, then the listeners, that it ended at {@code releasedAt}. */
  void ended(LeaseBook.Lease lease, long releasedAt) {
    if (lease.observed() != null) {
      returned(lease.observed());
    }
    if (!listeners.isEmpty()) {
      EndedLease ended =
          new EndedLease(
              lease.connectionId(),
              lease.owner().getName(),
              lease.unit() == null ? 0 : lease.unit().id(),
              lease.acquiredAtNanos(),
              releasedAt);
      listeners.forEach(listener -> listener.leaseEnded(ended));
    }
  }

  void violation(String longCall, String caller, GuardMode mode, int held) {
    LeaseObserver current = observer;
    if (current == null) {
      return;
    }
    try {
      current.violation(longCall, caller, mode, held);
    } catch (RuntimeException e) {
      LOG.warn("lease observer failed on a guard violation; ignored", e);
    }
  }

  private static void returned(LeaseObserver.Lease lease) {
    try {
      lease.returned();
    } catch (RuntimeException e) {
      LOG.warn("lease observer failed on a return; ignored", e);
    }
  }
}
