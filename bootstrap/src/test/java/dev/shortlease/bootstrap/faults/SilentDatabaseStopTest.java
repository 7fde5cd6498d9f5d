package dev.shortlease.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while the database is silent (a partition: connections open, no reply, no reset): the
 * final saves block in socket reads on the database workers, yet each client gets its terminal
 * event, the answers go to the spool, and the process exits within the grace, before {@code docker
 * stop}'s SIGKILL. A restart on the same spool, with the database back, saves every answer.
 */
@PostgresTest
@DisplayName("Fault: SIGTERM while the database does not answer")
class SilentDatabaseStopTest {
  private static final int STREAMS = 10;

  @Test
  @DisplayName("every client gets its terminal event, the process exits in the grace, none lost")
  void stuckSavesSpoolAndTheProcessExitsInTime() throws Exception {
    FaultDatabase db = new FaultDatabase();
    try (SeverableProxy proxy = new SeverableProxy(db.host(), db.port())) {
      Map<String, String> env = ServiceProcess.baseEnv(db.urlThrough(proxy.port()));
      env.put("SIMULATED_TOKENS_PER_SECOND", "20");
      env.put("SIMULATED_ANSWER_TOKENS", "1200"); // one minute per answer
      env.put("INSTANCE_LEASE_SECONDS", "3"); // the restart's housekeeping every second
      // 2 s under the default grace: room below docker stop's 10 s on a loaded test machine.
      env.put("SHUTDOWN_GRACE_SECONDS", "6");
      Streams streams;
      Duration exitAfter;
      try (ServiceProcess service = ServiceProcess.start("silent-stop", env)) {
        String key = service.createApp();
        streams = Streams.start(service, key, STREAMS);
        streams.awaitText(Duration.ofSeconds(30));

        proxy.silence();
        service.terminate();
        long term = System.nanoTime();
        boolean exited = service.waitForExit(Duration.ofSeconds(10));
        exitAfter = Duration.ofNanos(System.nanoTime() - term);
        if (!exited) {
          service.kill();
        }
        streams.awaitEnd(Duration.ofSeconds(5));
        assertThat(exited).as("exited before SIGKILL:\n%s", service.output()).isTrue();
      }
      for (StreamClient c : streams.clients) {
        assertThat(c.terminalEvent()).as("%s", c).isEqualTo("error");
        assertThat(c.terminal.path("message").asText()).as("%s", c).contains("it is kept");
      }

      proxy.close();
      env.put("DATABASE_URL", db.url());
      try (ServiceProcess restarted = ServiceProcess.start("silent-stop-restart", env)) {
        long started = System.nanoTime();
        // Recovery may end them "abandoned" first; the spool's replay replaces that.
        while (db.messages(streams.messageIds()).values().stream()
                .anyMatch(row -> !row.status().equals("STOPPED"))
            && System.nanoTime() - started < Duration.ofSeconds(30).toNanos()) {
          Thread.sleep(200);
        }
        streams.assertStoredAsSeen(db, "STOPPED");
      }
      System.out.printf(
          "FAULTS SIGTERM, database silent: %d/%d clients got the spool's error event, exited"
              + " %.1f s after SIGTERM; all saved STOPPED with their text after a restart%n",
          STREAMS, STREAMS, exitAfter.toMillis() / 1000.0);
    }
  }
}
