package dev.shortlease.guardrails.guard;

/**
 * Observer of a {@link ConnectionTracker}: told of each pooled connection when it is returned, with
 * when it was taken, so a recorder or tracer can draw the lease (see {@link
 * ConnectionTracker#addLeaseListener}).
 */
@FunctionalInterface
public interface LeaseListener {

  /** Runs inside {@code Connection.close()} on the returning thread: record and return. */
  void leaseEnded(EndedLease lease);
}
