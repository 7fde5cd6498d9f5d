package dev.shortlease.application.port.in;

import java.time.Duration;

/**
 * Use case (operations, called by the operator: {@code POST /admin/uploads/cleanup}): delete the
 * uploads no message refers to once they are older than an age, their records and their bytes, and
 * then the stored bytes no upload record names — the equivalent of Dify's manual {@code
 * clear-orphaned-file-records} and {@code remove-orphaned-files-on-storage} commands. Nothing
 * deletes uploads otherwise.
 */
public interface CleanUpUploadsUseCase {

  /**
   * Deletes, batch by batch, every upload older than {@code olderThan} by the database's clock that
   * no message refers to (bytes the store fails to delete are logged and left behind; their record
   * is gone, so they count as deleted), then every stored file older than {@code olderThan} by the
   * store's timestamps that has no upload record (a file the store fails to delete is logged,
   * skipped and not counted; the next cleanup finds it again), and, in the same walk over the
   * store, every write to it that never finished and was last touched before that age (a crash
   * mid-write). A directory of the store the walk cannot read is skipped, logged and counted; a
   * failure that stops the cleanup is thrown after what was deleted until then is logged.
   */
  UploadsCleanup cleanUp(Duration olderThan);
}
