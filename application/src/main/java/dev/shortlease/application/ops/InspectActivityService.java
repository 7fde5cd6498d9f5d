package dev.shortlease.application.ops;

import dev.shortlease.application.port.in.InspectActivityUseCase;
import dev.shortlease.application.port.out.ActivityMonitorPort;
import dev.shortlease.application.port.out.RecentActivity;
import dev.shortlease.domain.InvalidInputException;
import jakarta.inject.Inject;

/** Use case (operations): hands the activity monitor's record to the web adapter. */
public final class InspectActivityService implements InspectActivityUseCase {
  static final int MAX_CHATS = 100;

  private final ActivityMonitorPort monitor;

  @Inject
  public InspectActivityService(ActivityMonitorPort monitor) {
    this.monitor = monitor;
  }

  @Override
  public RecentActivity recent(int maxChats) {
    if (maxChats < 1 || maxChats > MAX_CHATS) {
      throw new InvalidInputException("chats", "must be between 1 and " + MAX_CHATS);
    }
    return monitor.recent(maxChats);
  }
}
