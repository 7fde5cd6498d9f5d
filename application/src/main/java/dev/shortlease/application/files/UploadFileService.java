package dev.shortlease.application.files;

import dev.shortlease.application.port.in.MediaRejectedException;
import dev.shortlease.application.port.in.MediaRejectedException.Reason;
import dev.shortlease.application.port.in.UploadFileUseCase;
import dev.shortlease.application.port.out.FileStorePort;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.EndUser;
import dev.shortlease.domain.FileKind;
import dev.shortlease.domain.FileNames;
import dev.shortlease.domain.InvalidInputException;
import dev.shortlease.domain.UploadFileId;
import dev.shortlease.domain.UploadedFile;
import dev.shortlease.domain.port.UploadsPort;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Use case: upload a file. The checks come first (name, type, the size limit of its kind), then the
 * bytes go to the file store with no connection held, and only then is the upload recorded in one
 * short transaction; bytes whose record failed are removed again.
 */
public final class UploadFileService implements UploadFileUseCase {
  private static final double MB = 1024 * 1024;

  /** No real media type is longer; a longer one is refused as an unknown type. */
  private static final int MAX_MIME_TYPE = 255;

  private final UploadsPort uploads;
  private final FileStorePort store;
  private final FileLimits limits;

  @Inject
  public UploadFileService(UploadsPort uploads, FileStorePort store, FileLimits limits) {
    this.uploads = uploads;
    this.store = store;
    this.limits = limits;
  }

  @Override
  public UploadedFile upload(
      AppId appId, String user, String filename, String mimeType, byte[] content) {
    String owner = EndUser.requireExternalId(user);
    if (filename == null || filename.isBlank()) {
      throw new MediaRejectedException(
          Reason.NO_FILENAME, "The specified filename does not exist.");
    }
    if (filename.contains("/") || filename.contains("\\")) {
      throw new InvalidInputException("filename", "contains invalid characters");
    }
    String name = FileNames.shortened(filename.strip());
    String extension = FileNames.extensionOf(name);
    if (limits.blockedExtensions().contains(extension)) {
      throw new MediaRejectedException(
          Reason.BLOCKED_EXTENSION,
          "File extension '." + extension + "' is not allowed for security reasons");
    }
    if (mimeType == null || mimeType.isBlank() || mimeType.strip().length() > MAX_MIME_TYPE) {
      throw new MediaRejectedException(Reason.UNSUPPORTED_FILE_TYPE, "File type not allowed.");
    }
    checkSize(FileKind.of(extension, mimeType), extension, content.length);
    UploadFileId id = UploadFileId.random();
    store.write(id, content);
    try {
      return uploads.recordUpload(
          appId, owner, id, name, extension, mimeType.strip(), content.length);
    } catch (RuntimeException e) {
      try {
        store.delete(id);
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  @Override
  public FileLimits limits() {
    return limits;
  }

  /** The size limit of {@code kind}, as Dify sorts them (images 10 MB, other files 15 MB, …). */
  public static long limitOf(FileLimits limits, FileKind kind) {
    return switch (kind) {
      case IMAGE -> limits.imageBytes();
      case AUDIO -> limits.audioBytes();
      case VIDEO -> limits.videoBytes();
      case DOCUMENT, CUSTOM -> limits.fileBytes();
    };
  }

  private void checkSize(FileKind kind, String extension, long size) {
    long limit = limitOf(limits, kind);
    if (size > limit) {
      throw new MediaRejectedException(
          Reason.FILE_TOO_LARGE,
          String.format(
              Locale.ROOT,
              "%s file size exceeded. %.2f MB > %.2f MB",
              extension.isEmpty() ? "The" : extension,
              size / MB,
              limit / MB));
    }
  }
}
