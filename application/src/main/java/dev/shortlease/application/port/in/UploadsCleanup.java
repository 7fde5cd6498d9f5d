package dev.shortlease.application.port.in;

import java.util.List;

/**
 * What the operator's uploads cleanup deleted: {@code deleted} upload records (with their bytes),
 * {@code deletedStoredFiles} files found in the file store with no upload record at all, and {@code
 * deletedIncompleteWrites} writes to the store that never finished (a crash mid-write); and what it
 * could not do, so the operator can act without the logs: {@code skippedDirectories}, the
 * directories of the store its walk could not read and went past (what is in them was not looked
 * at), and {@code undeletableFiles}, the stored files (without a record, or unfinished writes) it
 * meant to delete but the store failed to. Each count is exact; {@code skippedDirectoryPaths} and
 * {@code undeletableFilePaths} name the first {@link #NAMED} of each, relative to the store's root
 * (never an absolute host path), so the answer stays small. The next cleanup tries them again.
 */
public record UploadsCleanup(
    int deleted,
    int deletedStoredFiles,
    int deletedIncompleteWrites,
    int skippedDirectories,
    List<String> skippedDirectoryPaths,
    int undeletableFiles,
    List<String> undeletableFilePaths) {
  /** How many skipped directories, and how many undeletable files, the answer names at most. */
  public static final int NAMED = 20;

  public UploadsCleanup {
    skippedDirectoryPaths = List.copyOf(skippedDirectoryPaths);
    undeletableFilePaths = List.copyOf(undeletableFilePaths);
  }

  /** A cleanup that did all it meant to: nothing skipped, nothing left undeleted. */
  public UploadsCleanup(int deleted, int deletedStoredFiles, int deletedIncompleteWrites) {
    this(deleted, deletedStoredFiles, deletedIncompleteWrites, 0, List.of(), 0, List.of());
  }
}
