package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/needs-build.sh}: what lets {@code ./shortlease} start without running Maven. */
class NeedsBuildScriptTest {
  private static final Path SCRIPT = Path.of("..", "scripts", "needs-build.sh").toAbsolutePath();
  private static final Instant BUILT = Instant.parse("2026-01-01T12:00:00Z");

  @TempDir Path project;
  private Path jar;

  @BeforeEach
  void builtProject() throws IOException {
    jar = project.resolve("bootstrap/target/app.jar");
    Files.createDirectories(jar.resolveSibling("lib"));
    Files.writeString(jar, "jar");
    olderThanBuild(write("pom.xml"));
    olderThanBuild(write("domain/pom.xml"));
    olderThanBuild(write("domain/src/main/java/A.java"));
    olderThanBuild(write("guardrails/guard/src/main/resources/x.properties"));
    Files.setLastModifiedTime(jar, FileTime.from(BUILT));
  }

  @Test
  @DisplayName("nothing changed since the build: no build")
  void upToDate() throws Exception {
    newerThanBuild(write("domain/src/test/java/ATest.java"));
    newerThanBuild(write("domain/target/classes/A.class"));
    newerThanBuild(write("data/shortlease.mv.db"));
    newerThanBuild(write("README.md"));
    assertThat(run().exit()).isEqualTo(1);
  }

  @Test
  @DisplayName("a changed main source, resource or pom (at any depth) asks for a build, naming it")
  void changedSources() throws Exception {
    for (String changed :
        new String[] {
          "domain/src/main/java/A.java",
          "guardrails/guard/src/main/resources/x.properties",
          "domain/pom.xml",
          ".mvn/jvm.config"
        }) {
      builtProject();
      newerThanBuild(write(changed));
      Result result = run();
      assertThat(result.exit()).as(changed).isZero();
      assertThat(result.output()).as(changed).contains(changed);
    }
  }

  @Test
  @DisplayName("no jar, or no lib/ beside it: a build")
  void missingJar() throws Exception {
    Files.delete(jar.resolveSibling("lib"));
    assertThat(run().exit()).isZero();
    Files.delete(jar);
    assertThat(run().output()).contains("missing");
  }

  private record Result(int exit, String output) {}

  private Result run() throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("sh", SCRIPT.toString(), jar.toString(), project.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output);
  }

  private Path write(String relative) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, relative);
    return file;
  }

  private static void olderThanBuild(Path file) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(BUILT.minusSeconds(60)));
  }

  private static void newerThanBuild(Path file) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(BUILT.plusSeconds(60)));
  }
}
