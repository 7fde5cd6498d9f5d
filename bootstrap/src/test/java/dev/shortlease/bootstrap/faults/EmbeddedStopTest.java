package dev.shortlease.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.bootstrap.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The embedded default, H2 in a file, stopped with SIGTERM while answers stream: the database stays
 * open until the service has drained and saved, instead of closing in H2's own shutdown hook under
 * the final saves.
 */
@DisplayName("Fault: SIGTERM on the embedded H2 database")
class EmbeddedStopTest {
  private static final int STREAMS = 5;

  @Test
  @DisplayName("every stream ends stopped with its text, stored in the H2 file")
  void streamsAreSavedBeforeH2Closes() throws Exception {
    String url =
        "jdbc:h2:file:" + Path.of("target", "faults", "h2-" + UUID.randomUUID()).toAbsolutePath();
    Map<String, String> env = ServiceProcess.baseEnv(url);
    env.put("SIMULATED_TOKENS_PER_SECOND", "20");
    env.put("SIMULATED_ANSWER_TOKENS", "1200"); // one minute per answer
    try (ServiceProcess service = ServiceProcess.start("sigterm-h2", env)) {
      String key = service.createApp();
      Streams streams = Streams.start(service, key, STREAMS);
      streams.awaitText(Duration.ofSeconds(30));

      service.terminate();
      boolean exited = service.waitForExit(Duration.ofSeconds(20));

      assertThat(exited).as("exited after SIGTERM:\n%s", service.output()).isTrue();
      streams.awaitEnd(Duration.ofSeconds(5));
      for (StreamClient c : streams.clients) {
        assertThat(c.terminalEvent()).as("%s", c).isEqualTo("message_end");
      }
      assertThat(service.output())
          .contains(STREAMS + " stopped and saved with their text so far")
          .doesNotContain("Database is already closed");
      FaultDatabase h2 =
          new FaultDatabase(Settings.fromEnvironment(Map.of("DATABASE_URL", url)).database());
      streams.assertStoredAsSeen(h2, "STOPPED");
    }
  }
}
