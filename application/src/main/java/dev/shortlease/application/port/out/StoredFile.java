package dev.shortlease.application.port.out;

import dev.shortlease.domain.UploadFileId;
import java.time.Instant;
import java.util.Objects;

/**
 * One file in the file store: its upload's ID, when the store last wrote it, by its clock, and its
 * {@code key}, the store's name for it relative to the store's root (the local store's {@code
 * ab/cd/abcd…}, an object store's key): what the cleanup's answer names when it cannot delete it,
 * never an absolute host path.
 */
public record StoredFile(UploadFileId id, Instant lastModified, String key) {
  public StoredFile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(key, "key");
  }

  /** A file keyed by its ID's text, as an object store keys it. */
  public StoredFile(UploadFileId id, Instant lastModified) {
    this(id, lastModified, id.value().toString());
  }
}
