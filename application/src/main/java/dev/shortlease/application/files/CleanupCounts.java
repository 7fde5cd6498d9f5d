package dev.shortlease.application.files;

import dev.shortlease.application.port.in.UploadsCleanup;

/**
 * What one cleanup has done so far, counted as it goes: the answer when it ends, and what a failure
 * part-way logs, so an operator whose cleanup fails still learns what it deleted.
 */
final class CleanupCounts {
  int deleted;
  int deletedStoredFiles;
  int deletedIncompleteWrites;
  int skippedDirectories;

  UploadsCleanup answer() {
    return new UploadsCleanup(
        deleted, deletedStoredFiles, deletedIncompleteWrites, skippedDirectories);
  }

  @Override
  public String toString() {
    return deleted
        + " upload records, "
        + deletedStoredFiles
        + " stored files without a record and "
        + deletedIncompleteWrites
        + " unfinished writes deleted, "
        + skippedDirectories
        + " unreadable directories skipped";
  }
}
