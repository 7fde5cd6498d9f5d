package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A missing promtool, chromium or Python module skips with the notice, except under CI, where it
 * fails.
 */
class RequiredProgramTest {
  private static final Path MISSING = Path.of("/nonexistent/promtool");

  @Test
  @DisplayName("missing program: skipped, the reason starting with the notice ./shortlease greps")
  void skipsWhenMissing() {
    assertThatThrownBy(() -> RequiredProgram.require(MISSING, "prometheus", Map.of()))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageStartingWith(RequiredProgram.SKIP_NOTICE)
        .hasMessageContaining("apt-get install prometheus");
  }

  @Test
  @DisplayName("missing program under CI=true: a failure")
  void failsWhenMissingUnderCi() {
    assertThatThrownBy(() -> RequiredProgram.require(MISSING, "prometheus", Map.of("CI", "true")))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("CI=true");
  }

  @Test
  @DisplayName("installed program: its path")
  void installedProgram(@TempDir Path bin) throws IOException {
    Path program = Files.createFile(bin.resolve("promtool"));
    assertThat(program.toFile().setExecutable(true)).isTrue();
    assertThat(RequiredProgram.require(program, "prometheus", Map.of("CI", "true")))
        .isEqualTo(program);
  }

  @Test
  @DisplayName("a Python module python3 cannot import: skipped, or a failure under CI=true")
  void missingPythonModule() {
    assertThatThrownBy(
            () -> RequiredProgram.requirePython("no_such_module_here", "python3-httpx", Map.of()))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageStartingWith(RequiredProgram.SKIP_NOTICE)
        .hasMessageContaining("apt-get install python3-httpx");
    assertThatThrownBy(
            () ->
                RequiredProgram.requirePython(
                    "no_such_module_here", "python3-httpx", Map.of("CI", "true")))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("CI=true");
  }
}
