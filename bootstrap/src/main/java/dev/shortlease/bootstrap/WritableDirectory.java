package dev.shortlease.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Start-up: a directory the service writes to must be writable now. The answer spool is written
 * only while the database is away, so a bad {@code ANSWER_SPOOL_DIR} found then would lose the very
 * answers it exists to keep; a bad {@code FILES_DIR} would fail the first upload instead.
 */
final class WritableDirectory {
  private WritableDirectory() {}

  /**
   * Creates {@code dir} if missing and writes a probe file there, or fails naming {@code variable}.
   */
  static void require(Path dir, String variable) {
    try {
      Files.createDirectories(dir);
      Files.delete(Files.createTempFile(dir, ".probe-", ".tmp"));
    } catch (IOException | SecurityException e) {
      throw new StartupException(
          "cannot start: "
              + variable
              + "="
              + dir
              + " is not a directory the service can write ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ")",
          e);
    }
  }
}
