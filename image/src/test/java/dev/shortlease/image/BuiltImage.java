package dev.shortlease.image;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;

/**
 * The image the build wrote ({@code image.tar}, set by the pom). It is not built where it cannot be
 * (not Linux x86_64 with dpkg, or {@code -Dimage.skip=true}); its tests then skip with a notice on
 * the console, except under {@code CI=true}, where they fail. Running the image's filesystem needs
 * root (to unpack its owners and change root); the same rule applies.
 */
final class BuiltImage {
  /** How the skip reason starts: {@code ./shortlease test} repeats it on the console. */
  static final String SKIP_NOTICE = "SKIPPING image tests: ";

  private BuiltImage() {}

  /** The built image's tar; skips (or fails under CI) when the build did not make it. */
  static Path tar() {
    String property = System.getProperty("image.tar");
    Path tar = property == null ? null : Path.of(property);
    // With image.skip a tar left from an earlier build may be stale: not tested either.
    if (Boolean.getBoolean("image.skip")) {
      require(
          false,
          "the image was not built (image.skip: it needs Linux x86_64 with dpkg, see"
              + " docs/deployment.md)",
          System.getenv(),
          BuiltImage::announce);
    }
    require(
        tar != null && Files.isRegularFile(tar),
        "no image at " + tar + " (build it with ./deploy/image.sh)",
        System.getenv(),
        BuiltImage::announce);
    return tar;
  }

  /** Skips (or fails under CI) unless this JVM runs as root with unshare and GNU tar. */
  static void requireRootAndUnshare() throws IOException {
    Path status = Path.of("/proc/self/status");
    boolean root = Files.isReadable(status) && isRoot(status);
    boolean tools =
        Files.isExecutable(Path.of("/usr/bin/unshare")) && Files.isExecutable(Path.of("/bin/tar"));
    require(
        root && tools,
        "running the image needs root, /usr/bin/unshare and GNU tar (util-linux 2.38+)",
        System.getenv(),
        BuiltImage::announce);
  }

  /**
   * Returns when {@code ok}; else fails under {@code CI=true} in {@code env}, or tells {@code
   * console} why and aborts the test (a skip).
   */
  static void require(
      boolean ok, String reason, Map<String, String> env, Consumer<String> console) {
    if (ok) {
      return;
    }
    if ("true".equalsIgnoreCase(env.get("CI"))) {
      fail("CI=true but " + reason);
    }
    console.accept(reason);
    Assumptions.abort(SKIP_NOTICE + reason);
  }

  private static boolean isRoot(Path status) throws IOException {
    // The effective uid is the second field of /proc/self/status's Uid line.
    return Files.readAllLines(status).stream()
        .filter(line -> line.startsWith("Uid:"))
        .map(line -> line.split("\\s+")[2])
        .anyMatch("0"::equals);
  }

  /** Straight to the fork's stderr, which Failsafe shows on the console. */
  private static void announce(String reason) {
    @SuppressWarnings("resource") // stderr stays open
    PrintStream console =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    console.println("*** " + SKIP_NOTICE + reason + " ***");
  }
}
