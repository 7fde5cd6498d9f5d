package dev.shortlease.application.chat;

import dev.shortlease.application.port.in.FileRequest;
import dev.shortlease.application.port.in.MediaRejectedException;
import dev.shortlease.application.port.in.MediaRejectedException.Reason;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.FileKind;
import dev.shortlease.domain.FileTransfer;
import dev.shortlease.domain.MessageFile;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.UploadFileId;
import dev.shortlease.domain.UploadedFile;
import dev.shortlease.domain.port.AppMediaPort;
import dev.shortlease.domain.port.EndUsersPort;
import dev.shortlease.domain.port.UploadsPort;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The files of a chat request, checked before anything is saved: an app without file upload ignores
 * them (as Dify does); one with it must take files of that kind, by that transfer, and that many
 * (its {@link AppMedia}), and an upload must be this user's own. Metadata only, in short reads; the
 * bytes are read later by the runner, with no connection held.
 */
public final class ChatFiles {
  private final AppMediaPort media;
  private final EndUsersPort endUsers;
  private final UploadsPort uploads;

  @Inject
  public ChatFiles(AppMediaPort media, EndUsersPort endUsers, UploadsPort uploads) {
    this.media = media;
    this.endUsers = endUsers;
    this.uploads = uploads;
  }

  List<MessageFile> resolve(App app, String user, List<FileRequest> requests) {
    if (requests.isEmpty()) {
      return List.of();
    }
    AppMedia allowed = media.mediaOf(app.id());
    if (!allowed.fileUpload()) {
      return List.of(); // as Dify: an app without file upload ignores the files it is sent
    }
    if (requests.size() > allowed.numberLimits()) {
      throw rejected("Number of files exceeds the maximum limit " + allowed.numberLimits());
    }
    Map<UploadFileId, UploadedFile> own = ownUploads(app, user, requests);
    List<MessageFile> files = new ArrayList<>();
    for (FileRequest request : requests) {
      MessageFile file =
          request.transfer() == FileTransfer.LOCAL_FILE
              ? uploaded(request, own.get(request.upload()))
              : MessageFile.remote(request.kind(), request.url());
      // A custom file the app takes only when it lists "custom" (Dify: by extension, which
      // this service does not configure).
      if (!allowed.allowedKinds().contains(file.kind())
          || !allowed.transfers().contains(file.transfer())) {
        throw rejected("File validation failed for file: " + file.name());
      }
      files.add(file);
    }
    return List.copyOf(files);
  }

  private Map<UploadFileId, UploadedFile> ownUploads(
      App app, String user, List<FileRequest> requests) {
    List<UploadFileId> ids =
        requests.stream()
            .filter(request -> request.transfer() == FileTransfer.LOCAL_FILE)
            .map(FileRequest::upload)
            .distinct()
            .toList();
    if (ids.isEmpty()) {
      return Map.of();
    }
    return endUsers
        .findEndUser(app.id(), user)
        .map(endUser -> uploads.findUploads(new Owner(app.id(), endUser), ids))
        .orElse(List.of())
        .stream()
        .collect(Collectors.toMap(UploadedFile::id, Function.identity()));
  }

  /** A custom-typed upload takes the kind its name and type say (Dify standardises it so). */
  private static MessageFile uploaded(FileRequest request, UploadedFile upload) {
    if (upload == null) {
      throw new MediaRejectedException(Reason.INVALID_UPLOAD, "Invalid upload file");
    }
    FileKind kind = request.kind() == FileKind.CUSTOM ? upload.kind() : request.kind();
    return MessageFile.uploaded(kind, upload);
  }

  private static MediaRejectedException rejected(String message) {
    return new MediaRejectedException(Reason.FILE_NOT_ALLOWED, message);
  }
}
