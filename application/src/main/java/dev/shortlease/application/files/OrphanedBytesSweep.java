package dev.shortlease.application.files;

import dev.shortlease.application.port.out.FileStorePort;
import dev.shortlease.application.port.out.StoredFile;
import dev.shortlease.application.port.out.StoredFilesPage;
import dev.shortlease.domain.UploadFileId;
import dev.shortlease.domain.port.UploadsPort;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The cleanup's second pass, one walk over the file store a page at a time: deletes the files older
 * than the age that no upload record names (a failed delete after the record pass, a crash between
 * the two, an upload whose record and compensating delete both failed), while the store deletes on
 * the way the writes a crash left unfinished that are as old, and skips, naming them, the
 * directories it cannot read. A file it meant to delete and could not (either kind) is named too,
 * and the sweep goes on. Per page: walk (no connection held), one short query for which of the old
 * IDs have a record, delete the rest (no connection held).
 *
 * <p>Age is the store's last-modified time against this process's clock: the bytes have no row, so
 * the database's clock (the record pass's) never stamped them; skew between the two is minutes at
 * worst, against an age of at least an hour. That age is what protects an upload in flight, whose
 * bytes are written before its record: its record follows within one short transaction, so bytes
 * older than an hour without a record have lost it for good; a write's unfinished file younger than
 * that may be one in flight.
 */
final class OrphanedBytesSweep {
  /** Stored files listed, and their IDs looked up, per page. */
  static final int PAGE = 100;

  private static final System.Logger LOG = System.getLogger(OrphanedBytesSweep.class.getName());

  private final UploadsPort uploads;
  private final FileStorePort store;

  OrphanedBytesSweep(UploadsPort uploads, FileStorePort store) {
    this.uploads = uploads;
    this.store = store;
  }

  /**
   * Deletes the stored files older than {@code cutOff} with no record, and has the store delete its
   * unfinished writes as old, adding both to {@code counts} page by page, with the directories the
   * store skipped and the files that could not be deleted.
   */
  void sweep(Instant cutOff, CleanupCounts counts) {
    String cursor = null;
    do {
      StoredFilesPage page = store.walk(cursor, PAGE, cutOff);
      counts.deletedIncompleteWrites += page.deletedIncompleteWrites();
      page.skippedDirectories().forEach(counts::skipped);
      page.undeletableIncompleteWrites().forEach(counts::undeletable);
      List<StoredFile> old =
          page.files().stream().filter(file -> file.lastModified().isBefore(cutOff)).toList();
      if (!old.isEmpty()) {
        Set<UploadFileId> recorded =
            uploads.recordedAmong(old.stream().map(StoredFile::id).toList());
        for (StoredFile file : old) {
          if (recorded.contains(file.id())) {
            continue;
          }
          if (delete(file.id())) {
            counts.deletedStoredFiles++;
          } else {
            counts.undeletable(file.key());
          }
        }
      }
      cursor = page.next();
    } while (cursor != null);
  }

  private boolean delete(UploadFileId id) {
    try {
      store.delete(id);
      return true;
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "stored file " + id + " has no upload record, but the file store failed to delete it",
          e);
      return false;
    }
  }
}
