package dev.shortlease.application.chat;

import dev.shortlease.application.port.in.StopGenerationUseCase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.EndUser;
import dev.shortlease.domain.TaskId;
import jakarta.inject.Inject;

/**
 * Use case: stop a running generation. Only the app and end user that started it can; for anyone
 * else nothing changes and the answer is the same (Dify's behaviour). The run saves its text so far
 * as {@code stopped}.
 */
public final class StopGenerationService implements StopGenerationUseCase {
  private final RunRegistry registry;

  @Inject
  public StopGenerationService(RunRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void stop(AppId appId, String user, TaskId taskId) {
    registry.stop(appId, EndUser.requireExternalId(user), taskId);
  }
}
