package dev.shortlease.application.conversation;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.EndUser;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.port.EndUsersPort;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Turns an app and its {@code user} string into the {@link Owner} of their data, with one short
 * read. Reads never create end users: a user the app has not seen owns nothing.
 */
public final class OwnerResolver {
  private final EndUsersPort endUsers;

  @Inject
  public OwnerResolver(EndUsersPort endUsers) {
    this.endUsers = endUsers;
  }

  public Optional<Owner> find(AppId appId, String user) {
    String externalId = EndUser.requireExternalId(user);
    return endUsers.findEndUser(appId, externalId).map(id -> new Owner(appId, id));
  }

  /** The owner, or {@link NotFoundException} naming {@code what} (the thing the user asked for). */
  public Owner require(AppId appId, String user, String what) {
    return find(appId, user).orElseThrow(() -> new NotFoundException(what));
  }
}
