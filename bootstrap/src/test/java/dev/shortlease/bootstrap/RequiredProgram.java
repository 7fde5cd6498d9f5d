package dev.shortlease.bootstrap;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * A Debian program a test drives ({@code promtool}, {@code chromium}): missing, the test is skipped
 * with a notice on the console, except under {@code CI=true}, where it fails (as {@link
 * NodeCompatProject} does for Node). {@code ./shortlease test} repeats the notice.
 */
final class RequiredProgram {
  /** How the skip reason starts, followed by the label: {@code ./shortlease} greps for it. */
  static final String SKIP_NOTICE = "SKIPPING tests that need ";

  private RequiredProgram() {}

  /** The program's path; skips (or fails under CI) when it is not installed. */
  static Path require(Path program, String debianPackage) {
    return require(program, debianPackage, System.getenv());
  }

  static Path require(Path program, String debianPackage, Map<String, String> env) {
    if (Files.isExecutable(program)) {
      return program;
    }
    String reason =
        program + ": not installed (apt-get install " + debianPackage + ", as .ci/run does)";
    if ("true".equalsIgnoreCase(env.get("CI"))) {
      fail("CI=true but " + reason);
    }
    announce(SKIP_NOTICE + reason);
    Assumptions.abort(SKIP_NOTICE + reason);
    return program;
  }

  private static void announce(String line) {
    @SuppressWarnings("resource") // stderr stays open
    PrintStream console =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    console.println("*** " + line + " ***");
  }
}
