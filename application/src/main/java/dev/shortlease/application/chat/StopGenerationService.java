package dev.shortlease.application.chat;

import dev.shortlease.application.port.in.StopGenerationUseCase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.EndUser;
import dev.shortlease.domain.StopRequest;
import dev.shortlease.domain.TaskId;
import dev.shortlease.domain.port.StopRequestsPort;
import jakarta.inject.Inject;

/**
 * Use case: stop a running generation. Only the app and end user that started it can; for anyone
 * else nothing changes and the answer is the same (Dify's behaviour). The run saves its text so far
 * as {@code stopped}. A task not running on this instance may run on another: the request is
 * recorded for it ({@link StopRequestRelayService}), one short transaction.
 */
public final class StopGenerationService implements StopGenerationUseCase {
  private final RunRegistry registry;
  private final StopRequestsPort stopRequests;

  @Inject
  public StopGenerationService(RunRegistry registry, StopRequestsPort stopRequests) {
    this.registry = registry;
    this.stopRequests = stopRequests;
  }

  @Override
  public void stop(AppId appId, String user, TaskId taskId) {
    String endUser = EndUser.requireExternalId(user);
    if (!registry.stop(appId, endUser, taskId)) {
      // Not running here: perhaps on another instance, which picks the request up.
      stopRequests.requestStop(new StopRequest(appId, endUser, taskId));
    }
  }
}
