package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.TaskId;

/** Use case: stop a running generation. */
public interface StopGenerationUseCase {

  /**
   * Stops the task if it is running and belongs to this app and user. Like Dify, answers the same
   * way whether or not anything was stopped, so task IDs reveal nothing.
   *
   * @throws TooManyRequestsException when the task does not run here and the app has sent more
   *     stops to other instances than its budget allows
   */
  void stop(AppId appId, String user, TaskId taskId);
}
