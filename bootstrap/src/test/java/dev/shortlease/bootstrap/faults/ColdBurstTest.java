package dev.shortlease.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** 500 new streaming chats at once on a just-started instance with a pool of 3 connections. */
@PostgresTest
@DisplayName("Fault: a burst of 500 new chats on a cold instance with DB_POOL_SIZE=3")
class ColdBurstTest {
  private static final int BURST = Integer.getInteger("faults.burst", 500);

  @Test
  void everyChatCompletes() throws Exception {
    FaultDatabase db = new FaultDatabase();
    Map<String, String> env = ServiceProcess.baseEnv(db.url());
    env.put("DB_POOL_SIZE", "3");
    env.put("SIMULATED_TOKENS_PER_SECOND", "50");
    env.put("SIMULATED_ANSWER_TOKENS", "20");
    try (ServiceProcess service = ServiceProcess.start("burst", env)) {
      String key = service.createApp(); // the only request before the burst
      long start = System.nanoTime();
      Streams burst = Streams.start(service, key, BURST);
      burst.awaitEnd(Duration.ofSeconds(120));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      var pool = service.getWithToken("/admin/pool", ServiceProcess.ADMIN_TOKEN).body();
      System.out.printf("FAULTS burst pool after: %s%n", pool);

      long failed =
          burst.clients.stream()
              .filter(c -> c.status != 200 || !"message_end".equals(c.terminalEvent()))
              .count();
      System.out.printf(
          "FAULTS burst first events (ms): %s%n",
          burst.clients.stream()
              .mapToLong(c -> c.firstEventNanos == 0 ? -1 : (c.firstEventNanos - start) / 1_000_000)
              .sorted()
              .boxed()
              .toList());
      assertThat(failed)
          .as(
              "failed chats (of %d), e.g. %s",
              BURST,
              burst.clients.stream()
                  .filter(c -> c.status != 200 || !"message_end".equals(c.terminalEvent()))
                  .findFirst())
          .isZero();
      burst.assertStoredAsSeen(db, "NORMAL");
      System.out.printf(
          "FAULTS cold burst: %d/%d chats completed, 0 errors, in %.1f s%n",
          BURST, BURST, took.toMillis() / 1000.0);
    }
  }
}
