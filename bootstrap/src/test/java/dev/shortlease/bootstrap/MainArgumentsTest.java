package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The service takes no arguments: help is printed, anything else refused, nothing ignored. */
class MainArgumentsTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.arguments(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("no arguments: the service starts")
  void noArgumentsStarts() {
    assertThat(run()).isEqualTo(-1);
    assertThat(out.size() + err.size()).isZero();
  }

  @Test
  @DisplayName("--help, -h and help print where the settings are and exit 0")
  void helpExitsZero() {
    for (String help : new String[] {"--help", "-h", "help"}) {
      assertThat(run(help)).as(help).isEqualTo(0);
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("every setting is an environment variable");
    assertThat(err.size()).isZero();
  }

  @Test
  @DisplayName("any other argument is refused with exit code 2, not ignored")
  void unknownArgumentExitsTwo() {
    assertThat(run("--port=9090")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("shortlease: unknown argument '--port=9090'")
        .contains("environment variable");
    assertThat(out.size()).isZero();
  }
}
