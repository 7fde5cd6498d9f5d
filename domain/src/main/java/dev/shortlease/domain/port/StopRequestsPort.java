package dev.shortlease.domain.port;

import dev.shortlease.domain.StopRequest;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Outbound port: stop requests shared by every instance. A run lives on one instance, but a stop
 * may reach any; the one that did not find the run records the request here, and the one running it
 * picks it up. A request is keyed by its task and its sender (app and end user), so a stop sent by
 * someone else first never hides the owner's. Ages are measured by the store's clock, never the
 * caller's: instances whose clocks drift still agree on what is recent.
 */
public interface StopRequestsPort {

  /**
   * Records {@code request}; recording the same task, app and user again keeps one request, stamped
   * anew.
   */
  void requestStop(StopRequest request);

  /**
   * Of {@code candidates} (the stops that would end the runs of the calling instance), those
   * recorded within the last {@code window}. Reads only rows that match a candidate exactly, so the
   * answer never holds more than {@code candidates} however many requests others recorded.
   */
  List<StopRequest> recentAmong(Collection<StopRequest> candidates, Duration window);

  /** Forgets requests recorded more than {@code age} ago; returns how many. */
  int forgetOlderThan(Duration age);
}
