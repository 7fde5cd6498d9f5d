package dev.shortlease.application.port.out;

import dev.shortlease.domain.UploadFileId;
import java.time.Instant;

/**
 * Outbound port: where the bytes of uploaded files live, by file ID. A long call (disk or network
 * I/O): no connection is held while it works. The default adapter is a local directory; an object
 * store (S3, GCS, Azure Blob) replaces it by implementing these four methods with its client, keyed
 * by the ID's text, and binding itself instead. {@link #walk} is the cleanup's paged walk: S3's
 * {@code ListObjectsV2} (key and {@code LastModified}, {@code MaxKeys}, continuation token) maps
 * onto it one call per page, keys that are not upload IDs left out; its incomplete writes are S3's
 * incomplete multipart uploads, a listing of their own: the first page ({@code cursor} null) would
 * abort those initiated before the instant ({@code ListMultipartUploads}, {@code
 * AbortMultipartUpload}), or none, when a lifecycle rule aborts them.
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

  /**
   * One page of the cleanup's walk over the store, in one pass.
   *
   * <p>Lists up to {@code limit} files in key order (the ID's text), each with the time the store
   * last wrote it, starting after {@code cursor} (null: from the start; else a page's {@link
   * StoredFilesPage#next}). Only files this store wrote for an upload are listed; anything else it
   * finds (temporary files, foreign keys) is skipped. Never reads the whole store into memory;
   * files written or deleted meanwhile may or may not be listed.
   *
   * <p>On the way, deletes the writes this store began and never finished (a crash mid-write) that
   * it last touched before {@code incompleteBefore} by its own timestamps, and counts them in the
   * page. No upload record names them: an upload's record is written only once its bytes are. A
   * write touched since, maybe still in flight, is left alone; one the store fails to delete is
   * logged and named in the page's {@link StoredFilesPage#undeletableIncompleteWrites}, and found
   * again by the next walk.
   *
   * <p>A part of the store it cannot read (a directory it cannot list) is skipped, logged and named
   * in the page's {@link StoredFilesPage#skippedDirectories}: the walk goes on past it, so what was
   * done is still answered. Names are relative to the store's root, never absolute host paths. A
   * failure that stops the whole walk (the store unreachable) is thrown.
   */
  StoredFilesPage walk(String cursor, int limit, Instant incompleteBefore);
}
