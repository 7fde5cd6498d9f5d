package dev.shortlease.application.port.out;

import dev.shortlease.domain.UploadFileId;
import java.time.Instant;
import java.util.Objects;

/** One file in the file store: its upload's ID and when the store last wrote it, by its clock. */
public record StoredFile(UploadFileId id, Instant lastModified) {
  public StoredFile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(lastModified, "lastModified");
  }
}
