package dev.shortlease.domain;

import java.util.Objects;

/**
 * A request to stop a run, as the end user made it: only a run of this app and user stops.
 *
 * @param user the end user's external ID
 */
public record StopRequest(AppId appId, String user, TaskId taskId) {
  public StopRequest {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(taskId, "taskId");
  }
}
