package dev.shortlease.application.files;

import dev.shortlease.application.port.in.ListMessageFilesUseCase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.EndUser;
import dev.shortlease.domain.MessageFile;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.port.EndUsersPort;
import dev.shortlease.domain.port.MessageFilesPort;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Use case: the files of a page of messages, scoped by app and end user (rule R4). */
public final class ListMessageFilesService implements ListMessageFilesUseCase {
  private final EndUsersPort endUsers;
  private final MessageFilesPort files;

  @Inject
  public ListMessageFilesService(EndUsersPort endUsers, MessageFilesPort files) {
    this.endUsers = endUsers;
    this.files = files;
  }

  @Override
  public Map<MessageId, List<MessageFile>> filesOf(
      AppId appId, String user, List<MessageId> messages) {
    if (messages.isEmpty()) {
      return Map.of();
    }
    return endUsers
        .findEndUser(appId, EndUser.requireExternalId(user))
        .map(endUser -> files.filesOf(new Owner(appId, endUser), messages))
        .orElse(Map.of());
  }
}
