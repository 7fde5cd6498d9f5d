package dev.shortlease.bootstrap;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A Debian program a test drives ({@code promtool}, {@code chromium}, {@code python3} with {@code
 * httpx}): missing, the test is skipped with a notice on the console, except under {@code CI=true},
 * where it fails (as {@link NodeCompatProject} does for Node). {@code ./shortlease test} repeats
 * the notice.
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
    if (!Files.isExecutable(program)) {
      unavailable(program + ": not installed", debianPackage, env);
    }
    return program;
  }

  /**
   * Debian's {@code /usr/bin/python3}, able to import {@code module} (from Debian's {@code
   * debianPackage}, which it sees and a pyenv or virtualenv python may not); skips (or fails under
   * CI) when it cannot.
   */
  static Path requirePython(String module, String debianPackage)
      throws IOException, InterruptedException {
    return requirePython(module, debianPackage, System.getenv());
  }

  static Path requirePython(String module, String debianPackage, Map<String, String> env)
      throws IOException, InterruptedException {
    Path python = require(Path.of("/usr/bin/python3"), debianPackage, env);
    Process check =
        new ProcessBuilder(python.toString(), "-c", "import " + module)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
      check.destroyForcibly();
      unavailable(python + " with the " + module + " module: not installed", debianPackage, env);
    }
    return python;
  }

  private static void unavailable(String what, String debianPackage, Map<String, String> env) {
    String reason = what + " (apt-get install " + debianPackage + ", as .ci/run does)";
    if ("true".equalsIgnoreCase(env.get("CI"))) {
      fail("CI=true but " + reason);
    }
    announce(SKIP_NOTICE + reason);
    Assumptions.abort(SKIP_NOTICE + reason);
  }

  private static void announce(String line) {
    @SuppressWarnings("resource") // stderr stays open
    PrintStream console =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    console.println("*** " + line + " ***");
  }
}
