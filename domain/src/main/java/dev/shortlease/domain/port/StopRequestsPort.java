package dev.shortlease.domain.port;

import dev.shortlease.domain.StopRequest;
import java.time.Instant;
import java.util.List;

/**
 * Outbound port: stop requests shared by every instance. A run lives on one instance, but a stop
 * may reach any; the one that did not find the run records the request here, and the one running it
 * picks it up.
 */
public interface StopRequestsPort {

  /** Records {@code request}; recording the same task twice keeps one. */
  void requestStop(StopRequest request);

  /** Requests recorded after {@code since}, oldest first. */
  List<StopRequest> stopRequestsSince(Instant since);

  /** Forgets requests recorded before {@code before}; returns how many. */
  int forgetStopRequestsBefore(Instant before);
}
