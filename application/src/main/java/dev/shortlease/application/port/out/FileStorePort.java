package dev.shortlease.application.port.out;

import dev.shortlease.domain.UploadFileId;

/**
 * Outbound port: where the bytes of uploaded files live, by file ID. A long call (disk or network
 * I/O): no connection is held while it works. The default adapter is a local directory; an object
 * store (S3, GCS, Azure Blob) replaces it by implementing these three methods with its client,
 * keyed by the ID's text, and binding itself instead.
 */
@LongCall
public interface FileStorePort {

  /** Stores {@code content} under {@code id}, replacing nothing (IDs are new). */
  void write(UploadFileId id, byte[] content);

  /**
   * The bytes stored under {@code id}.
   *
   * @throws dev.shortlease.domain.NotFoundException when nothing is stored under it
   */
  byte[] read(UploadFileId id);

  /** Removes what is stored under {@code id}, if anything (an upload whose record failed). */
  void delete(UploadFileId id);
}
