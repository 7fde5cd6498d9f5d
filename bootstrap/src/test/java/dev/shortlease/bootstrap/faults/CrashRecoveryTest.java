package dev.shortlease.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An instance is killed with SIGKILL while it streams, with default lease settings (15 s): its
 * messages must leave {@code running} within 30 s — taken by another live instance, or by the
 * restarted one — as {@code error} with a reason.
 */
@PostgresTest
@DisplayName(
    "Fault: kill -9 while streaming, with another instance alive, then alone and restarted")
class CrashRecoveryTest {
  private static final int STREAMS = 10;
  private static final Duration PROMPT = Duration.ofSeconds(30);

  private static Map<String, String> env(FaultDatabase db) {
    Map<String, String> env = ServiceProcess.baseEnv(db.url());
    env.put("SIMULATED_TOKENS_PER_SECOND", "20");
    env.put("SIMULATED_ANSWER_TOKENS", "1200");
    return env;
  }

  @Test
  void deadInstancesMessagesLeaveRunningPromptly() throws Exception {
    FaultDatabase db = new FaultDatabase();
    try (ServiceProcess survivor = ServiceProcess.start("crash-survivor", env(db));
        ServiceProcess victim = ServiceProcess.start("crash-victim", env(db))) {
      String key = victim.createApp();
      Streams onVictim = Streams.start(victim, key, STREAMS);
      onVictim.awaitText(Duration.ofSeconds(30));

      victim.kill();
      Duration byOther = awaitNoneRunning(db, onVictim.messageIds());

      assertRecovered(db, onVictim.messageIds());
      System.out.printf(
          "FAULTS kill -9, another instance alive: %d/%d messages ended error %.1f s after the"
              + " kill%n",
          STREAMS, STREAMS, byOther.toMillis() / 1000.0);

      // Now the survivor dies too, alone, and is restarted on the same database.
      Streams onSurvivor = Streams.start(survivor, key, STREAMS);
      onSurvivor.awaitText(Duration.ofSeconds(30));
      survivor.kill();
      long killed = System.nanoTime();
      try (ServiceProcess restarted = ServiceProcess.start("crash-restarted", env(db))) {
        Duration startedAfter = Duration.ofNanos(System.nanoTime() - killed);
        Duration afterRestart = awaitNoneRunning(db, onSurvivor.messageIds());
        assertRecovered(db, onSurvivor.messageIds());
        System.out.printf(
            "FAULTS kill -9 and restart: %d/%d messages ended error %.1f s after the restart"
                + " (restart took %.1f s)%n",
            STREAMS, STREAMS, afterRestart.toMillis() / 1000.0, startedAfter.toMillis() / 1000.0);
      }
    }
  }

  private static Duration awaitNoneRunning(FaultDatabase db, List<String> ids) throws Exception {
    long start = System.nanoTime();
    while (db.running(ids) > 0) {
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("messages still running")
          .isLessThan(PROMPT);
      Thread.sleep(200);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static void assertRecovered(FaultDatabase db, List<String> ids) throws Exception {
    for (FaultDatabase.Row row : db.messages(ids).values()) {
      assertThat(row.status()).isEqualTo("ERROR");
      assertThat(row.error()).startsWith("abandoned: ").contains("lease");
    }
  }
}
