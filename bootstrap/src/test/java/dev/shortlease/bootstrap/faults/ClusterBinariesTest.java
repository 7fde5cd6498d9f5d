package dev.shortlease.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Without HAProxy, PgBouncer, bash or curl the cluster tests skip with the notice, except in CI.
 */
class ClusterBinariesTest {
  private static final Map<String, String> PATH = Map.of("PATH", "/bin");
  private static final Set<Path> ALL =
      Set.of(
          ClusterBinaries.HAPROXY,
          ClusterBinaries.PGBOUNCER,
          Path.of("/bin/bash"),
          Path.of("/bin/curl"));

  @Test
  @DisplayName("no haproxy: skipped, the notice naming it and the script that installs it")
  void skipsWithoutHaproxy() {
    List<String> console = new ArrayList<>();
    assertThatThrownBy(
            () ->
                ClusterBinaries.require(
                    PATH, p -> ALL.contains(p) && !p.equals(ClusterBinaries.HAPROXY), console::add))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageStartingWith(ClusterBinaries.SKIP_NOTICE);
    assertThat(console).singleElement().asString().contains("/usr/sbin/haproxy", "ensure-packages");
  }

  @Test
  @DisplayName("no curl on PATH under CI=true: a failure")
  void failsWithoutCurlUnderCi() {
    assertThatThrownBy(
            () ->
                ClusterBinaries.require(
                    Map.of("PATH", "/bin", "CI", "true"),
                    p -> ALL.contains(p) && !p.endsWith("curl"),
                    line -> {}))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("CI=true")
        .hasMessageContaining("curl");
  }

  @Test
  @DisplayName("everything there: runs")
  void runsWithEverything() {
    assertThatCode(() -> ClusterBinaries.require(PATH, ALL::contains, line -> {}))
        .doesNotThrowAnyException();
  }
}
