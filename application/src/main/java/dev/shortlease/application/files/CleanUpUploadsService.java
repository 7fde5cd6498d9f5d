package dev.shortlease.application.files;

import dev.shortlease.application.port.in.CleanUpUploadsUseCase;
import dev.shortlease.application.port.in.UploadsCleanup;
import dev.shortlease.application.port.out.FileStorePort;
import dev.shortlease.domain.InvalidInputException;
import dev.shortlease.domain.UploadFileId;
import dev.shortlease.domain.port.UploadsPort;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Use case: the operator's cleanup of orphaned uploads. Each batch is one short transaction that
 * deletes up to {@link #BATCH} unreferenced, old-enough records and names them; their bytes are
 * deleted after it, with no connection held (the file store is a long call). A record is deleted
 * before its bytes, so a failure in between leaves bytes no record names (logged), never a record
 * whose bytes are gone. Such bytes, and any other stored file without a record, are found by the
 * second pass, one walk over the file store ({@link OrphanedBytesSweep}) in which the store also
 * deletes the writes a crash left unfinished, as old as the age (they never have a record).
 *
 * <p>A directory of the store the walk cannot read is skipped and named in the answer, not an
 * error: the rest is still cleaned and the operator still learns what was deleted; so is a stored
 * file the sweep meant to delete and the store failed to (the record pass's failed deletes of bytes
 * are tried again by the sweep in the same call, and named there if they fail again). A failure
 * that stops the cleanup (the database, the store unreachable) stays an error, since what it did
 * not look at is unknown; before it is thrown, what was deleted until then is logged.
 */
public final class CleanUpUploadsService implements CleanUpUploadsUseCase {
  /** Records deleted per transaction: short enough to hold no lock for long. */
  static final int BATCH = 100;

  private static final System.Logger LOG = System.getLogger(CleanUpUploadsService.class.getName());

  private final UploadsPort uploads;
  private final FileStorePort store;
  private final OrphanedBytesSweep sweep;
  private final Clock clock;

  @Inject
  public CleanUpUploadsService(UploadsPort uploads, FileStorePort store) {
    this(uploads, store, Clock.systemUTC());
  }

  CleanUpUploadsService(UploadsPort uploads, FileStorePort store, Clock clock) {
    this.uploads = uploads;
    this.store = store;
    this.sweep = new OrphanedBytesSweep(uploads, store);
    this.clock = clock;
  }

  @Override
  public UploadsCleanup cleanUp(Duration olderThan) {
    if (olderThan == null || olderThan.compareTo(Duration.ofHours(1)) < 0) {
      throw new InvalidInputException("older_than_hours", "must be an integer of at least 1");
    }
    CleanupCounts counts = new CleanupCounts();
    try {
      deleteRecords(olderThan, counts);
      // the store's timestamps against this clock, as the sweep explains
      sweep.sweep(clock.instant().minus(olderThan), counts);
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "the uploads cleanup failed part-way; before it failed: {0}",
          counts);
      throw e;
    }
    if (counts.deletedStoredFiles > 0) {
      LOG.log(
          System.Logger.Level.INFO,
          "deleted {0} stored files no upload record names",
          counts.deletedStoredFiles);
    }
    if (counts.deletedIncompleteWrites > 0) {
      LOG.log(
          System.Logger.Level.INFO,
          "deleted {0} unfinished writes to the file store",
          counts.deletedIncompleteWrites);
    }
    if (counts.skippedDirectories > 0) {
      LOG.log(
          System.Logger.Level.WARNING,
          "the uploads cleanup skipped {0} directories of the file store it could not read (named"
              + " in the file store''s warnings); what is in them was not cleaned",
          counts.skippedDirectories);
    }
    if (counts.undeletableFiles > 0) {
      LOG.log(
          System.Logger.Level.WARNING,
          "the uploads cleanup could not delete {0} stored files it meant to (named in the"
              + " warnings before this one); the next cleanup tries again",
          counts.undeletableFiles);
    }
    return counts.answer();
  }

  private void deleteRecords(Duration olderThan, CleanupCounts counts) {
    List<UploadFileId> batch;
    do {
      batch = uploads.deleteUnreferencedUploads(olderThan, BATCH);
      counts.deleted += batch.size();
      batch.forEach(this::deleteBytes);
    } while (batch.size() == BATCH);
    if (counts.deleted > 0) {
      LOG.log(System.Logger.Level.INFO, "deleted {0} unreferenced uploads", counts.deleted);
    }
  }

  private void deleteBytes(UploadFileId id) {
    try {
      store.delete(id);
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "upload " + id + " deleted, but its bytes were left behind in the file store",
          e);
    }
  }
}
