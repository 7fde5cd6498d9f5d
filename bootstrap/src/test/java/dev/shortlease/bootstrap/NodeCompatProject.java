package dev.shortlease.bootstrap;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The Node project in {@code compat/node}: Dify's own client code (npm {@code dify-client}, pinned
 * by its package-lock.json) and a port of Dify's web-chat stream handling. Installs its packages
 * with {@code npm ci} when the lock file is newer than the install, and runs one test file with
 * {@code node --test}. Without {@code node} on PATH the tests are skipped with a notice on the
 * console, except under {@code CI=true}, where they fail.
 */
final class NodeCompatProject {
  /** How the skip reason starts: {@code ./shortlease test} repeats it on the console. */
  static final String SKIP_NOTICE = "SKIPPING Node compatibility tests: ";

  private static final long INSTALL_TIMEOUT_SECONDS = 180;
  private static final long RUN_TIMEOUT_SECONDS = 90;

  private final Path dir;

  private NodeCompatProject(Path dir) {
    this.dir = dir;
  }

  /** The project, its packages installed; skips (or fails under CI) when node is missing. */
  static NodeCompatProject installed() throws IOException, InterruptedException {
    // Surefire runs in the module directory (bootstrap/); the project sits beside the modules.
    Path dir = Path.of(System.getProperty("user.dir")).getParent().resolve("compat/node");
    if (!Files.isRegularFile(dir.resolve("package-lock.json"))) {
      fail("no Node compatibility project at " + dir);
    }
    requireNode(System.getenv(), NodeCompatProject::announce);
    NodeCompatProject project = new NodeCompatProject(dir);
    project.installIfStale();
    return project;
  }

  /** The test files, one JUnit test each. */
  List<Path> testFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("test"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".test.mjs")).sorted().toList();
    }
  }

  /** Runs {@code node --test file} with {@code env} added; the exit code and the whole output. */
  Result run(Path file, Map<String, String> env) throws IOException, InterruptedException {
    return exec(
        List.of("node", "--test", "--test-reporter=spec", dir.relativize(file).toString()),
        env,
        RUN_TIMEOUT_SECONDS);
  }

  record Result(int exitCode, String output) {}

  /** npm ci wipes node_modules, so only when the lock file changed since the last install. */
  private void installIfStale() throws IOException, InterruptedException {
    Path lock = dir.resolve("package-lock.json");
    Path installed = dir.resolve("node_modules/.package-lock.json");
    if (Files.exists(installed)
        && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
      return;
    }
    // --prefer-offline: the npm cache serves what it has, the registry the rest.
    Result install =
        exec(
            List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"),
            Map.of(),
            INSTALL_TIMEOUT_SECONDS);
    if (install.exitCode() != 0) {
      fail("npm ci in " + dir + " failed:\n" + install.output());
    }
  }

  private Result exec(List<String> command, Map<String, String> env, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("shortlease-node-", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(new ArrayList<>(command))
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        fail(String.join(" ", command) + " took over " + timeoutSeconds + " s:\n" + read(log));
      }
      return new Result(process.exitValue(), read(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /**
   * Aborts the test (a skip), after telling {@code console} why, when {@code env}'s PATH has no
   * node or npm; fails instead under CI.
   */
  static void requireNode(Map<String, String> env, Consumer<String> console) {
    if (onPath(env.get("PATH"), "node") && onPath(env.get("PATH"), "npm")) {
      return;
    }
    String reason = "node or npm is not on PATH (install Node 20+ to run them)";
    if ("true".equalsIgnoreCase(env.get("CI"))) {
      fail("CI=true but " + reason);
    }
    console.accept(reason);
    Assumptions.abort(SKIP_NOTICE + reason);
  }

  private static boolean onPath(String path, String program) {
    return path != null
        && Stream.of(path.split(java.io.File.pathSeparator))
            .filter(entry -> !entry.isBlank())
            .anyMatch(entry -> Files.isExecutable(Path.of(entry, program)));
  }

  /**
   * Straight to the fork's stderr, which Surefire shows on the console (see PostgresTestDatabase).
   */
  private static void announce(String reason) {
    @SuppressWarnings("resource") // stderr stays open
    PrintStream console =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    console.println("*** " + SKIP_NOTICE + reason + " ***");
  }
}
