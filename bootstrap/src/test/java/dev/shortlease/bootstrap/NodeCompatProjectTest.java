package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Without node the Node compatibility tests skip with the notice, except under CI. */
class NodeCompatProjectTest {
  @Test
  @DisplayName("no node on PATH: skipped, the reason starting with the notice")
  void skipsWithoutNode() {
    List<String> console = new ArrayList<>();
    assertThatThrownBy(
            () -> NodeCompatProject.requireNode(Map.of("PATH", "/nonexistent"), console::add))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageStartingWith(NodeCompatProject.SKIP_NOTICE);
    assertThat(console)
        .containsExactly("node or npm is not on PATH (install Node 20+ to run them)");
  }

  @Test
  @DisplayName("no node on PATH under CI=true: a failure")
  void failsWithoutNodeUnderCi() {
    assertThatThrownBy(
            () ->
                NodeCompatProject.requireNode(
                    Map.of("PATH", "/nonexistent", "CI", "true"), line -> {}))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("CI=true");
  }

  @Test
  @DisplayName("node and npm on PATH: runs")
  void runsWithNode(@TempDir Path bin) throws IOException {
    for (String program : new String[] {"node", "npm"}) {
      Path file = Files.createFile(bin.resolve(program));
      assertThat(file.toFile().setExecutable(true)).isTrue();
    }
    assertThatCode(
            () -> NodeCompatProject.requireNode(Map.of("PATH", "/nonexistent:" + bin), line -> {}))
        .doesNotThrowAnyException();
  }
}
