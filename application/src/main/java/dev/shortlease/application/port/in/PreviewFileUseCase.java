package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.UploadFileId;
import dev.shortlease.domain.UploadedFile;
import java.util.Objects;

/** Use case: the bytes of an upload, to its own app and end user only ({@code /preview}). */
public interface PreviewFileUseCase {

  /**
   * Finds the upload (short reads), then reads its bytes with no connection held.
   *
   * @throws MediaRejectedException {@code FILE_NOT_FOUND} when it is missing or another owner's
   */
  FileContent preview(AppId appId, String user, UploadFileId id);

  /** An upload's metadata and bytes. */
  record FileContent(UploadedFile file, byte[] data) {
    public FileContent {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(data, "data");
    }
  }
}
