package dev.shortlease.application.conversation;

import dev.shortlease.application.port.in.GetEndUserUseCase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.EndUser;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.port.EndUsersPort;
import jakarta.inject.Inject;
import java.util.Optional;

/** Use case: one end user of the app, by ID, with one short read. */
public final class GetEndUserService implements GetEndUserUseCase {
  private final EndUsersPort endUsers;

  @Inject
  public GetEndUserService(EndUsersPort endUsers) {
    this.endUsers = endUsers;
  }

  @Override
  public Optional<EndUser> get(AppId appId, EndUserId id) {
    return endUsers.getEndUser(appId, id);
  }
}
