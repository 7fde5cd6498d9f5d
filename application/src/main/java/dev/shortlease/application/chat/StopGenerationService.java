package dev.shortlease.application.chat;

import dev.shortlease.application.port.in.StopGenerationUseCase;
import dev.shortlease.application.port.in.TooManyRequestsException;
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
 * recorded for it ({@link StopRequestRelayService}), one short transaction, within the app's {@link
 * StopRelayBudget}.
 */
public final class StopGenerationService implements StopGenerationUseCase {
  private final RunRegistry registry;
  private final StopRequestsPort stopRequests;
  private final StopRelayBudget budget;

  @Inject
  public StopGenerationService(
      RunRegistry registry, StopRequestsPort stopRequests, StopRelayBudget budget) {
    this.registry = registry;
    this.stopRequests = stopRequests;
    this.budget = budget;
  }

  @Override
  public void stop(AppId appId, String user, TaskId taskId) {
    String endUser = EndUser.requireExternalId(user);
    if (registry.stop(appId, endUser, taskId)) {
      return;
    }
    // Not running here: perhaps on another instance, which picks the request up.
    if (!budget.tryTake(appId)) {
      throw new TooManyRequestsException();
    }
    stopRequests.requestStop(new StopRequest(appId, endUser, taskId));
  }
}
