package dev.shortlease.adapter.persistence;

import dev.shortlease.application.port.out.FileStorePort;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * For other modules' tests (through this module's test-jar): the local directory store on {@code
 * root}, except that its walk cannot read the directories, and it cannot delete the files, that a
 * test names, as the file system would refuse another user. The tests run as root, whom file modes
 * do not stop, so the failure goes through the store's package-private seams instead.
 */
public final class FaultyFileStores {
  private FaultyFileStores() {}

  /**
   * The store on {@code root}, failing to open a directory {@code unreadable} accepts and to delete
   * a file {@code undeletable} accepts (both asked with absolute, normalized paths), each with
   * {@link AccessDeniedException}; asked anew on every call, so a test can change its mind.
   */
  public static FileStorePort failing(
      Path root, Predicate<Path> unreadable, Predicate<Path> undeletable) {
    return new LocalDirectoryFileStore(
        root,
        directory -> {},
        dir -> {
          if (unreadable.test(dir)) {
            throw new AccessDeniedException(dir.toString());
          }
          return Files.newDirectoryStream(dir);
        },
        file -> {
          if (undeletable.test(file)) {
            throw new AccessDeniedException(file.toString());
          }
          return Files.deleteIfExists(file);
        });
  }
}
