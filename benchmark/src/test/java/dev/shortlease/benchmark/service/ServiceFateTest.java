package dev.shortlease.benchmark.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceFateTest {

  @Test
  @DisplayName("a service still running that logged no out-of-memory error survived")
  void survived() {
    ServiceFate fate =
        ServiceFate.of(OptionalInt.empty(), Stream.of("shortlease is running", "WARN pool slow"));
    assertThat(fate.survived()).isTrue();
    assertThat(fate.died()).isEmpty();
  }

  @Test
  @DisplayName(
      "a service that exited died, with the out-of-memory line of its log when there is one")
  void exited(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("service.log");
    Files.writeString(
        log,
        "shortlease is running\nTerminating due to java.lang.OutOfMemoryError: Java heap space\n");

    ServiceFate fate = ServiceFate.of(OptionalInt.of(3), log);

    assertThat(fate.survived()).isFalse();
    assertThat(fate.died())
        .isEqualTo("exited with 3: Terminating due to java.lang.OutOfMemoryError: Java heap space");
    assertThat(ServiceFate.of(OptionalInt.of(137), Stream.of("running")).died())
        .isEqualTo("exited with 137");
  }

  @Test
  @DisplayName(
      "a service still running that logged an OutOfMemoryError did not stay within its heap")
  void caughtOutOfMemory() {
    ServiceFate fate =
        ServiceFate.of(
            OptionalInt.empty(),
            Stream.of("ERROR request failed", "  java.lang.OutOfMemoryError: Java heap space"));
    assertThat(fate.survived()).isFalse();
    assertThat(fate.died()).isEqualTo("logged java.lang.OutOfMemoryError: Java heap space");
  }
}
