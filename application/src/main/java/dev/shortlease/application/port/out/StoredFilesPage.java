package dev.shortlease.application.port.out;

import java.util.List;

/**
 * One page of the file store's listing ({@link FileStorePort#list}): its files in key order, and
 * the cursor that continues after them, null when the listing is complete. The cursor is the
 * store's own (an object store's continuation token, or the last key seen); callers pass it back
 * unread. A page may hold fewer files than asked for, even none, and still have a next one.
 */
public record StoredFilesPage(List<StoredFile> files, String next) {
  public StoredFilesPage {
    files = List.copyOf(files);
  }
}
