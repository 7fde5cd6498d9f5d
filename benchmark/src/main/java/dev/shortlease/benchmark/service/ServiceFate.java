package dev.shortlease.benchmark.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Benchmark harness: whether the service under test lived through a point, read after the window
 * and the drain. A service that exited, or logged an {@link OutOfMemoryError} (it runs with {@code
 * -XX:+ExitOnOutOfMemoryError}, but a thread can also catch one and go on), did not stay within its
 * heap, whatever the last heap sample said: the sampler reads {@code /metrics}, which a JVM dying
 * of an exhausted heap stops answering, so its maximum comes from before the death.
 *
 * @param died empty when the service was alive at the end and logged no out-of-memory error;
 *     otherwise what happened, e.g. {@code "exited with 3: Terminating due to
 *     java.lang.OutOfMemoryError: Java heap space"}
 */
public record ServiceFate(String died) {

  /** The service lived through the point. */
  public static final ServiceFate SURVIVED = new ServiceFate("");

  public boolean survived() {
    return died.isEmpty();
  }

  /**
   * @param exitCode the exit code if the process is no longer running
   * @param log the service's log lines (stdout and stderr)
   */
  public static ServiceFate of(OptionalInt exitCode, Stream<String> log) {
    String outOfMemory =
        log.filter(line -> line.contains("OutOfMemoryError"))
            .map(String::strip)
            .findFirst()
            .orElse("");
    if (exitCode.isPresent()) {
      return new ServiceFate(
          "exited with " + exitCode.getAsInt() + (outOfMemory.isEmpty() ? "" : ": " + outOfMemory));
    }
    return outOfMemory.isEmpty() ? SURVIVED : new ServiceFate("logged " + outOfMemory);
  }

  /** Reads {@code log} line by line as ISO-8859-1, so no byte sequence in it can fail the read. */
  public static ServiceFate of(OptionalInt exitCode, Path log) {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
      return of(exitCode, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
