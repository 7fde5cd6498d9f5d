package dev.shortlease.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A file an end user uploaded to an app: its metadata only (the bytes are in the file store under
 * its ID). Belongs to {@code owner}: only the same app and end user may use it (rule R4).
 *
 * @param extension lower case, without the dot; empty when the name has none
 */
public record UploadedFile(
    UploadFileId id,
    Owner owner,
    String name,
    String extension,
    String mimeType,
    long size,
    Instant createdAt) {

  public UploadedFile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    name = Texts.requireText(name, "filename", 255);
    extension = extension == null ? "" : extension;
    mimeType = mimeType == null ? "" : mimeType;
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
  }

  public FileKind kind() {
    return FileKind.of(extension, mimeType);
  }
}
