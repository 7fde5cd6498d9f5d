package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.TaskId;

/** Use case: stop a running generation. */
public interface StopGenerationUseCase {

  /**
   * Stops the task if it is running and belongs to this app and user. Like Dify, answers the same
   * way whether or not anything was stopped, so task IDs reveal nothing.
   */
  void stop(AppId appId, String user, TaskId taskId);
}
