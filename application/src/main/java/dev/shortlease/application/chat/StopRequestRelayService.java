package dev.shortlease.application.chat;

import dev.shortlease.application.port.in.RelayStopRequestsUseCase;
import dev.shortlease.domain.StopRequest;
import dev.shortlease.domain.port.StopRequestsPort;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * Use case: the receiving end of a stop that reached another instance. Each poll reads the requests
 * of the last {@link #WINDOW} and stops the runs of this instance they name (a stop is idempotent,
 * so reading one request on several polls is harmless); an instance with no runs does not read at
 * all. The window also absorbs clock skew between this instance and the database, which stamps the
 * requests.
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
    if (registry.runningCount() == 0) {
      return 0;
    }
    int stopped = 0;
    for (StopRequest request : stopRequests.stopRequestsSince(Instant.now().minus(WINDOW))) {
      if (registry.stop(request.appId(), request.user(), request.taskId())) {
        stopped++;
      }
    }
    return stopped;
  }

  @Override
  public int forgetOld() {
    return stopRequests.forgetStopRequestsBefore(Instant.now().minus(RETENTION));
  }
}
