package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.UploadedFile;

/** Use case: an end user uploads a file to an app, for later chats ({@code /files/upload}). */
public interface UploadFileUseCase {

  /**
   * Checks the name, type and size limits, stores the bytes (no connection held), then records the
   * upload in one short transaction.
   *
   * @throws MediaRejectedException when a limit refuses the file
   */
  UploadedFile upload(AppId appId, String user, String filename, String mimeType, byte[] content);

  /** The size limit of a kind of file, in bytes (what {@code /parameters} reports in MB). */
  FileLimits limits();

  /** Upload size limits per kind, in bytes, and the extensions refused outright. */
  record FileLimits(
      long fileBytes,
      long imageBytes,
      long audioBytes,
      long videoBytes,
      java.util.Set<String> blockedExtensions) {
    public FileLimits {
      blockedExtensions = java.util.Set.copyOf(blockedExtensions);
    }

    /** The largest of the limits: what a whole upload request may carry. */
    public long largest() {
      return Math.max(Math.max(fileBytes, imageBytes), Math.max(audioBytes, videoBytes));
    }
  }
}
