package dev.shortlease.application.files;

import dev.shortlease.application.port.in.MediaRejectedException;
import dev.shortlease.application.port.in.MediaRejectedException.Reason;
import dev.shortlease.application.port.in.PreviewFileUseCase;
import dev.shortlease.application.port.out.FileStorePort;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.EndUser;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.UploadFileId;
import dev.shortlease.domain.UploadedFile;
import dev.shortlease.domain.port.EndUsersPort;
import dev.shortlease.domain.port.UploadsPort;
import jakarta.inject.Inject;

/**
 * Use case: an upload's bytes for its owner. Two short reads find the upload (another app's or
 * user's is "not found", rule R4); the bytes are read after them, with no connection held.
 */
public final class PreviewFileService implements PreviewFileUseCase {
  private final EndUsersPort endUsers;
  private final UploadsPort uploads;
  private final FileStorePort store;

  @Inject
  public PreviewFileService(EndUsersPort endUsers, UploadsPort uploads, FileStorePort store) {
    this.endUsers = endUsers;
    this.uploads = uploads;
    this.store = store;
  }

  @Override
  public FileContent preview(AppId appId, String user, UploadFileId id) {
    String owner = EndUser.requireExternalId(user);
    UploadedFile file =
        endUsers
            .findEndUser(appId, owner)
            .flatMap(endUser -> uploads.findUpload(new Owner(appId, endUser), id))
            .orElseThrow(PreviewFileService::notFound);
    try {
      return new FileContent(file, store.read(id));
    } catch (NotFoundException e) {
      throw notFound();
    }
  }

  private static MediaRejectedException notFound() {
    return new MediaRejectedException(Reason.FILE_NOT_FOUND, "The requested file was not found.");
  }
}
