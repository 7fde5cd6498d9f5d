package dev.shortlease.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under running streams (a proxy between the service and PostgreSQL is cut,
 * so connections break and new ones are refused) and comes back. Outage and retry window are short
 * here so the suite stays fast; {@code -Dfaults.outageSeconds=30} or {@code 120} (with {@code
 * -Dfaults.retrySeconds}) repeats the longer outages of {@code docs/reliability.md}.
 */
@PostgresTest
@DisplayName("Fault: the database is cut under running streams")
class DatabaseOutageTest {
  private static final int STREAMS = 30;
  private static final int OUTAGE = Integer.getInteger("faults.outageSeconds", 20);
  private static final int RETRY = Integer.getInteger("faults.retrySeconds", 60);

  @Test
  @DisplayName("an outage inside the retry window: pings, then message_end; all saved as seen")
  void outageInsideTheWindow() throws Exception {
    FaultDatabase db = new FaultDatabase();
    try (SeverableProxy proxy = new SeverableProxy(db.host(), db.port())) {
      Map<String, String> env = ServiceProcess.baseEnv(db.urlThrough(proxy.port()));
      env.put("DB_POOL_SIZE", "5");
      env.put("SIMULATED_TOKENS_PER_SECOND", "20");
      env.put("SIMULATED_ANSWER_TOKENS", "100"); // about 5 s per answer
      env.put("FINAL_SAVE_RETRY_SECONDS", Integer.toString(RETRY));
      try (ServiceProcess service = ServiceProcess.start("outage", env)) {
        String key = service.createApp();
        Streams streams = Streams.start(service, key, STREAMS);
        streams.awaitText(Duration.ofSeconds(30));

        proxy.sever();
        long cut = System.nanoTime();
        Thread.sleep(Duration.ofSeconds(OUTAGE));
        proxy.restore();
        streams.awaitEnd(Duration.ofSeconds(RETRY + 30));
        Duration lastEnd = Duration.ofNanos(System.nanoTime() - cut);

        for (StreamClient c : streams.clients) {
          assertThat(c.terminalEvent()).as("%s", c).isEqualTo("message_end");
          assertThat(c.pingsAfterFirstText)
              .as("kept alive with pings while the save waited: %s", c)
              .isGreaterThanOrEqualTo(OUTAGE / 2);
        }
        streams.assertStoredAsSeen(db, "NORMAL");
        System.out.printf(
            "FAULTS outage %d s, retry window %d s: %d/%d streams saved NORMAL, last message_end"
                + " %.1f s after the cut%n",
            OUTAGE, RETRY, STREAMS, STREAMS, lastEnd.toMillis() / 1000.0);
      }
    }
  }

  @Test
  @DisplayName("an outage past the window: error event, answer spooled, saved whole once back")
  void outagePastTheWindowIsSpooled() throws Exception {
    FaultDatabase db = new FaultDatabase();
    try (SeverableProxy proxy = new SeverableProxy(db.host(), db.port())) {
      Map<String, String> env = ServiceProcess.baseEnv(db.urlThrough(proxy.port()));
      env.put("DB_POOL_SIZE", "3");
      env.put("SIMULATED_TOKENS_PER_SECOND", "20");
      env.put("SIMULATED_ANSWER_TOKENS", "40"); // about 2 s per answer
      env.put("FINAL_SAVE_RETRY_SECONDS", "3");
      env.put("INSTANCE_LEASE_SECONDS", "3"); // housekeeping every second
      Path spool = Path.of(env.get("ANSWER_SPOOL_DIR"));
      try (ServiceProcess service = ServiceProcess.start("spool", env)) {
        String key = service.createApp();
        Streams streams = Streams.start(service, key, 5);
        streams.awaitText(Duration.ofSeconds(30));

        proxy.sever();
        streams.awaitEnd(Duration.ofSeconds(30));
        for (StreamClient c : streams.clients) {
          assertThat(c.errorCode()).as("%s", c).isEqualTo("internal_server_error");
          assertThat(c.terminal.path("message").asText()).contains("it is kept");
        }
        assertThat(spooled(spool)).isEqualTo(5);
        assertThat(db.running(streams.messageIds())).as("not in the database yet").isEqualTo(5);

        proxy.restore();
        long back = System.nanoTime();
        while (db.running(streams.messageIds()) > 0
            && System.nanoTime() - back < Duration.ofSeconds(30).toNanos()) {
          Thread.sleep(200);
        }
        streams.assertStoredAsSeen(db, "NORMAL");
        // The replay deletes a spool file after its save commits: the rows can be seen first.
        while (spooled(spool) > 0 && System.nanoTime() - back < Duration.ofSeconds(30).toNanos()) {
          Thread.sleep(50);
        }
        assertThat(spooled(spool)).as("spool files left after the replay").isZero();
        System.out.printf(
            "FAULTS spool: 5/5 answers replayed %.1f s after the database came back%n",
            (System.nanoTime() - back) / 1e9);
      }
    }
  }

  private static long spooled(Path spool) throws IOException {
    try (var files = Files.list(spool)) {
      return files.filter(f -> f.toString().endsWith(".json")).count();
    }
  }
}
