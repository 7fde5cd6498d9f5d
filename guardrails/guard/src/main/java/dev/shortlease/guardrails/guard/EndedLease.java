package dev.shortlease.guardrails.guard;

/**
 * One lease of a pooled connection, from checkout to return, as a {@link LeaseListener} sees it.
 * Times are {@link System#nanoTime()} readings; {@code unitOfWork} is the number of the unit of
 * work the taking thread was in (0: none), as {@link ConnectionTracker#currentUnitOfWork()} gives.
 */
public record EndedLease(
    String connectionId,
    String threadName,
    long unitOfWork,
    long acquiredAtNanos,
    long releasedAtNanos) {

  /** How long the connection was held. */
  public long heldNanos() {
    return releasedAtNanos - acquiredAtNanos;
  }
}
