package dev.shortlease.application.port.in;

/**
 * Use case (operations, run every half second): apply the stop requests other instances recorded
 * for runs of this one, and forget old ones.
 */
public interface RelayStopRequestsUseCase {

  /** Stops the runs of this instance that recent requests name; returns how many. */
  int applyRecent();

  /** Forgets requests too old to matter; returns how many. */
  int forgetOld();
}
