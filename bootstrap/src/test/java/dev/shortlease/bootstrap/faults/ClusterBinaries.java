package dev.shortlease.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * What the cross-instance tests run: HAProxy and PgBouncer at the paths their Debian packages
 * install them ({@code scripts/ensure-packages.sh} installs them in CI), and bash and curl for
 * {@code deploy/local-cluster.sh}. Without them the tests are skipped with a notice on the console,
 * except under {@code CI=true}, where they fail.
 */
final class ClusterBinaries {
  /** How the skip reason starts: {@code ./shortlease test} repeats it on the console. */
  static final String SKIP_NOTICE = "SKIPPING cluster tests: ";

  static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
  static final Path PGBOUNCER = Path.of("/usr/sbin/pgbouncer");

  private ClusterBinaries() {}

  /** Aborts the calling test (a skip) when a binary is missing; fails instead under CI. */
  static void require() {
    require(System.getenv(), Files::isExecutable, ClusterBinaries::announce);
  }

  static void require(
      Map<String, String> env, Predicate<Path> executable, Consumer<String> console) {
    List<String> missing = new ArrayList<>();
    for (Path binary : List.of(HAPROXY, PGBOUNCER)) {
      if (!executable.test(binary)) {
        missing.add(binary.toString());
      }
    }
    for (String program : List.of("bash", "curl")) {
      if (!onPath(env.get("PATH"), program, executable)) {
        missing.add(program);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String reason =
        "missing "
            + String.join(" and ", missing)
            + " (scripts/ensure-packages.sh pgbouncer haproxy installs the first two)";
    if ("true".equalsIgnoreCase(env.get("CI"))) {
      fail("CI=true but " + reason);
    }
    console.accept(reason);
    Assumptions.abort(SKIP_NOTICE + reason);
  }

  private static boolean onPath(String path, String program, Predicate<Path> executable) {
    return path != null
        && Stream.of(path.split(File.pathSeparator))
            .filter(entry -> !entry.isBlank())
            .anyMatch(entry -> executable.test(Path.of(entry, program)));
  }

  /** Straight to the fork's stderr, which Surefire shows on the console. */
  private static void announce(String reason) {
    @SuppressWarnings("resource") // stderr stays open
    PrintStream console =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    console.println("*** " + SKIP_NOTICE + reason + " ***");
  }
}
