package dev.shortlease.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every exercise in docs/exercises keeps its promise: its patch applies to a copy of the project,
 * and the exercise's command, run there (offline, on the same local repository), fails with the
 * messages the page says the learner will read. A patch that no longer applies, or a failure that
 * changed, fails this test, so the teaching material cannot rot. Each command runs as a newcomer's
 * would: without {@code JAVA_HOME}, after the setup line the exercises' README gives.
 */
class ExercisesTest {

  private static final Path ROOT = TourLinksTest.ROOT;
  private static final Pattern COMMAND = Pattern.compile("<!-- exercise-command: (.+) -->");
  private static final Pattern EXPECTS = Pattern.compile("<!-- exercise-expects: (.+) -->");
  private static final Pattern SETUP = Pattern.compile("<!-- exercise-setup: (.+) -->");

  /** Not copied: history, downloads, data, and build output the exercises never need. */
  private static final Set<String> SKIPPED =
      Set.of(".git", "node_modules", ".m2repo", "bench-results", ".cluster");

  /**
   * Build output no exercise needs: copied dependencies, generated projects, demo files, the
   * container image's base, layer cache and unpacked test filesystem.
   */
  private static final Set<String> SKIPPED_IN_TARGET =
      Set.of("lib", "it", "demo", "surefire-reports", "image", "jib-cache", "image-it");

  @TempDir static Path workspace;

  @TestFactory
  @DisplayName("each exercise's patch produces the failure its page promises")
  Stream<DynamicTest> exercisesFailAsPromised() throws IOException {
    List<Path> pages;
    try (Stream<Path> files = Files.list(ROOT.resolve("docs/exercises"))) {
      pages =
          files.filter(f -> f.getFileName().toString().matches("\\d\\d-.+\\.md")).sorted().toList();
    }
    assertThat(pages).hasSizeGreaterThanOrEqualTo(4);
    String setup = setup();
    Path copy = workspace.resolve("project");
    copyProject(ROOT, copy);
    return pages.stream()
        .map(
            page ->
                DynamicTest.dynamicTest(
                    page.getFileName().toString(), () -> check(page, setup, copy)));
  }

  /** The line the README has a learner run first, as its code block shows it. */
  private static String setup() throws IOException {
    String readme = Files.readString(ROOT.resolve("docs/exercises/README.md"));
    Matcher setup = SETUP.matcher(readme);
    assertThat(setup.find()).as("docs/exercises/README.md names its setup line").isTrue();
    assertThat(readme).as("the README shows its setup line").contains("\n" + setup.group(1) + " ");
    return setup.group(1);
  }

  private static void check(Path page, String setup, Path copy) throws Exception {
    String text = Files.readString(page);
    String name = page.getFileName().toString().replaceFirst("\\.md$", "");
    Path patch = ROOT.resolve("docs/exercises/" + name + ".patch");
    Matcher command = COMMAND.matcher(text);
    assertThat(command.find()).as(page + " names its command").isTrue();
    List<String> expected = new ArrayList<>();
    Matcher expects = EXPECTS.matcher(text);
    while (expects.find()) {
      expected.add(expects.group(1));
    }
    assertThat(expected).as(page + " names the failure to expect").isNotEmpty();
    assertThat(text).contains("git apply docs/exercises/" + name + ".patch");

    run(copy, List.of("git", "apply", patch.toString()), 0);
    try {
      String output = run(copy, newcomer(setup, maven(command.group(1))), -1) + reports(copy);
      for (String message : expected) {
        assertThat(output).as(name + ": the failure mentions '" + message + "'").contains(message);
      }
    } finally {
      run(copy, List.of("git", "apply", "-R", patch.toString()), 0);
    }
  }

  /** The page's command, offline, on this build's local repository, without style checks. */
  private static List<String> maven(String command) {
    List<String> args = new ArrayList<>(List.of(command.trim().split("\\s+")));
    assertThat(args.get(0)).isEqualTo("./mvnw");
    args.addAll(List.of("-o", "-B", "-Dspotless.check.skip=true"));
    String repository = System.getProperty("shortlease.localRepository", "");
    if (!repository.isBlank() && !repository.startsWith("${")) {
      args.add("-Dmaven.repo.local=" + repository);
    }
    String tail = System.getProperty("shortlease.localRepositoryTail", "");
    if (!tail.isBlank() && !tail.startsWith("${")) {
      args.add("-Dmaven.repo.local.tail=" + tail);
    }
    return args;
  }

  /** {@code command} after {@code setup}, in one shell, as the learner types them. */
  private static List<String> newcomer(String setup, List<String> command) {
    List<String> shell = new ArrayList<>(List.of("sh", "-c", setup + " && exec \"$@\"", "sh"));
    shell.addAll(command);
    return shell;
  }

  /**
   * Runs {@code command} in {@code dir} without {@code JAVA_HOME}, as in a newcomer's shell; checks
   * the exit code unless {@code expected} is -1.
   */
  private static String run(Path dir, List<String> command, int expected) throws Exception {
    Path log = Files.createTempFile(workspace, "run", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().remove("JAVA_HOME");
    Process process = builder.start();
    if (!process.waitFor(8, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end within 8 minutes");
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (expected == -1) {
      assertThat(process.exitValue()).as("the exercise fails\n" + tail(output)).isNotZero();
    } else {
      assertThat(process.exitValue()).as(command + "\n" + tail(output)).isEqualTo(expected);
    }
    return output;
  }

  /** Surefire's reports and test output in the copy: where a logged message lands. */
  private static String reports(Path copy) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(copy)) {
      for (Path file :
          files
              .filter(f -> f.toString().contains("surefire-reports"))
              .filter(Files::isRegularFile)
              .toList()) {
        all.append(Files.readString(file, StandardCharsets.ISO_8859_1));
        Files.delete(file); // the next exercise reads only its own
      }
    }
    return all.toString();
  }

  private static String tail(String output) {
    return output.substring(Math.max(0, output.length() - 4_000));
  }

  private static boolean skipped(Path relative) {
    String name = relative.getFileName().toString();
    Path parent = relative.getParent();
    return SKIPPED.contains(name)
        || relative.toString().equals("data")
        || (parent != null
            && parent.getFileName().toString().equals("target")
            && SKIPPED_IN_TARGET.contains(name));
  }

  /**
   * Copies sources and compiled classes with their timestamps, so Maven rebuilds only what a patch
   * touched.
   */
  private static void copyProject(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (!dir.equals(from) && skipped(from.relativize(dir))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (attrs.isRegularFile()) {
              Files.copy(
                  file,
                  to.resolve(from.relativize(file).toString()),
                  StandardCopyOption.COPY_ATTRIBUTES);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
