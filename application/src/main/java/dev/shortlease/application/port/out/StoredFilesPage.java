package dev.shortlease.application.port.out;

import java.util.List;

/**
 * One page of the file store's walk ({@link FileStorePort#walk}): its files in key order, and the
 * cursor that continues after them, null when the walk is complete. The cursor is the store's own
 * (an object store's continuation token, or the last key seen); callers pass it back unread. A page
 * may hold fewer files than asked for, even none, and still have a next one. With them, how many
 * unfinished writes the walk deleted on the way ({@code deletedIncompleteWrites}), the directories
 * it could not read and skipped ({@code skippedDirectories}) and the unfinished writes it meant to
 * delete but could not ({@code undeletableIncompleteWrites}), each reported on one page only and
 * named relative to the store's root (never an absolute host path).
 */
public record StoredFilesPage(
    List<StoredFile> files,
    String next,
    int deletedIncompleteWrites,
    List<String> skippedDirectories,
    List<String> undeletableIncompleteWrites) {
  public StoredFilesPage {
    files = List.copyOf(files);
    skippedDirectories = List.copyOf(skippedDirectories);
    undeletableIncompleteWrites = List.copyOf(undeletableIncompleteWrites);
  }

  /** A page of files only: nothing deleted on the way, nothing skipped. */
  public StoredFilesPage(List<StoredFile> files, String next) {
    this(files, next, 0, List.of(), List.of());
  }
}
