package dev.shortlease.guardrails.guard;

/**
 * Observer of a {@link ConnectionTracker}: told of every checkout and return of a pooled connection
 * and of every long-call guard violation, so tracing or a timeline can show them (see {@link
 * ConnectionTracker#observe}). Called on the thread that checks out, returns or violates; it must
 * be quick and must not throw (a failure is logged and dropped, never passed to the caller's work).
 */
public interface LeaseObserver {

  /**
   * Connection {@code connectionId} of tracker {@code tracker} was checked out by the calling
   * thread. The returned handle is told when it comes back, on whichever thread closes it; null
   * when the observer does not care about this lease.
   */
  Lease checkedOut(String tracker, String connectionId);

  /**
   * A long call ({@code longCall}, e.g. {@code ChatModelPort.chat(..)}) was entered from {@code
   * caller} while the calling thread's unit of work held {@code held} pooled connections. Called
   * before the guard throws ({@link GuardMode#STRICT}) or logs ({@link GuardMode#WARN}).
   */
  default void violation(String longCall, String caller, GuardMode mode, int held) {}

  /**
   * {@code task} carrying the observer's context of the calling thread (the current span, say), for
   * work handed to another thread that will take a lease there ({@link
   * ConnectionTracker#propagate}). Called on the handing thread; by default, {@code task} itself.
   */
  default Runnable propagate(Runnable task) {
    return task;
  }

  /** One observed checkout. */
  @FunctionalInterface
  interface Lease {
    /** The connection went back to the pool. */
    void returned();
  }
}
