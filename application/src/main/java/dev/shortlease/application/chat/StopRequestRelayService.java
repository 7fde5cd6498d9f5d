package dev.shortlease.application.chat;

import dev.shortlease.application.port.in.RelayStopRequestsUseCase;
import dev.shortlease.domain.StopRequest;
import dev.shortlease.domain.port.StopRequestsPort;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * Use case: the receiving end of a stop that reached another instance. Each poll asks the store
 * which of this instance's runs were asked to stop, by task, app and user, within the last {@link
 * #WINDOW} (a stop is idempotent, so finding one request on several polls is harmless). The read is
 * bounded by the runs here, not by the requests others recorded; an instance with no runs does not
 * read at all. Ages are the store's clock, so a skewed clock here loses no stop.
 */
public final class StopRequestRelayService implements RelayStopRequestsUseCase {
  static final Duration WINDOW = Duration.ofSeconds(10);
  static final Duration RETENTION = Duration.ofMinutes(1);

  private final RunRegistry registry;
  private final StopRequestsPort stopRequests;

  @Inject
  public StopRequestRelayService(RunRegistry registry, StopRequestsPort stopRequests) {
    this.registry = registry;
    this.stopRequests = stopRequests;
  }

  @Override
  public int applyRecent() {
    List<StopRequest> runs = registry.ownersStops();
    if (runs.isEmpty()) {
      return 0;
    }
    int stopped = 0;
    for (StopRequest request : stopRequests.recentAmong(runs, WINDOW)) {
      if (registry.stop(request.appId(), request.user(), request.taskId())) {
        stopped++;
      }
    }
    return stopped;
  }

  @Override
  public int forgetOld() {
    return stopRequests.forgetOlderThan(RETENTION);
  }
}
