package dev.shortlease.application.files;

import dev.shortlease.application.port.in.UploadsCleanup;
import java.util.ArrayList;
import java.util.List;

/**
 * What one cleanup has done so far, counted as it goes: the answer when it ends, and what a failure
 * part-way logs, so an operator whose cleanup fails still learns what it deleted. What it could not
 * do is counted exactly and named up to {@link UploadsCleanup#NAMED} of each kind.
 */
final class CleanupCounts {
  int deleted;
  int deletedStoredFiles;
  int deletedIncompleteWrites;
  int skippedDirectories;
  int undeletableFiles;
  private final List<String> skippedDirectoryPaths = new ArrayList<>();
  private final List<String> undeletableFilePaths = new ArrayList<>();

  /** A directory of the store the walk could not read, relative to the store's root. */
  void skipped(String directory) {
    skippedDirectories++;
    if (skippedDirectoryPaths.size() < UploadsCleanup.NAMED) {
      skippedDirectoryPaths.add(directory);
    }
  }

  /** A stored file the cleanup meant to delete and could not, relative to the store's root. */
  void undeletable(String file) {
    undeletableFiles++;
    if (undeletableFilePaths.size() < UploadsCleanup.NAMED) {
      undeletableFilePaths.add(file);
    }
  }

  UploadsCleanup answer() {
    return new UploadsCleanup(
        deleted,
        deletedStoredFiles,
        deletedIncompleteWrites,
        skippedDirectories,
        skippedDirectoryPaths,
        undeletableFiles,
        undeletableFilePaths);
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
        + " unreadable directories skipped "
        + skippedDirectoryPaths
        + ", "
        + undeletableFiles
        + " stored files the store failed to delete "
        + undeletableFilePaths;
  }
}
