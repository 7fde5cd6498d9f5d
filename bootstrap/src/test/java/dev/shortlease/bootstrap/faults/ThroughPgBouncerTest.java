package dev.shortlease.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortlease.adapter.persistence.PersistenceSettings;
import dev.shortlease.adapter.persistence.testing.PgBouncerFixture;
import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole service, as an operator runs it, through PgBouncer 1.18 in transaction mode with {@code
 * DATABASE_POOLER=pgbouncer}: two instances (child JVMs) of 4 pooled connections each share
 * PgBouncer's 3 server connections. Streaming chats complete and are stored as streamed, a stop
 * sent to the other instance ends a run, and when one instance is killed the other ends its running
 * messages by lease — while PostgreSQL never sees more than 3 backends from the service.
 */
@PostgresTest
@DisplayName("The service through PgBouncer (transaction mode, DATABASE_POOLER=pgbouncer)")
class ThroughPgBouncerTest {
  private static final int SERVER_CONNECTIONS = 3;
  private static final int CHATS = 30;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A start takes seconds, but minutes on a machine shared by many builds. */
  private static final Duration READY_WITHIN = Duration.ofSeconds(360);

  private static Map<String, String> env(
      FaultDatabase db, PgBouncerFixture bouncer, int tokensPerSecond, int answerTokens) {
    PersistenceSettings pooled = bouncer.settings();
    Map<String, String> env = ServiceProcess.baseEnv(pooled.jdbcUrl());
    env.put("DATABASE_POOLER", "pgbouncer");
    env.put("DATABASE_MIGRATION_URL", db.url());
    env.put("DB_POOL_SIZE", "4");
    env.put("INSTANCE_LEASE_SECONDS", "3");
    env.put("SIMULATED_TTFT_MS", "20");
    env.put("SIMULATED_TOKENS_PER_SECOND", Integer.toString(tokensPerSecond));
    env.put("SIMULATED_ANSWER_TOKENS", Integer.toString(answerTokens));
    return env;
  }

  @Test
  @Timeout(900)
  @DisplayName(
      "streaming chats, a stop across instances and a dead instance's recovery, on at most 3"
          + " PostgreSQL backends")
  void chatsStopAndRecoveryThroughPgBouncer() throws Exception {
    FaultDatabase db = new FaultDatabase(); // skips the test without PostgreSQL
    try (PgBouncerFixture bouncer =
            PgBouncerFixture.builder(PostgresTestDatabase.settings())
                .poolSize(SERVER_CONNECTIONS)
                .start();
        BackendSampler backends = new BackendSampler(bouncer.applicationName())) {
      try {
        run(db, bouncer, backends);
      } catch (Exception | AssertionError e) {
        System.out.println("PgBouncer's log:\n" + bouncer.log());
        throw e;
      }
    }
  }

  private static void run(FaultDatabase db, PgBouncerFixture bouncer, BackendSampler backends)
      throws Exception {
    List<ServiceProcess> both = startBoth(env(db, bouncer, 400, 8), env(db, bouncer, 20, 1200));
    try (ServiceProcess fast = both.get(0);
        ServiceProcess slow = both.get(1)) {
      String key = fast.createApp();

      Streams chats = Streams.start(fast, key, CHATS);
      chats.awaitEnd(Duration.ofSeconds(60));
      chats.assertStoredAsSeen(db, "NORMAL");

      // A run on the slow instance, stopped through the fast one (the stop relay's table).
      StreamClient running = StreamClient.start(slow.baseUrl(), key, "stopper", "go on");
      Streams one = new Streams();
      one.clients.add(running);
      one.awaitText(Duration.ofSeconds(30));
      var stop =
          fast.post(
              "/v1/chat-messages/" + running.taskId + "/stop", key, "{\"user\": \"stopper\"}");
      assertThat(JSON.readTree(stop.body()).path("result").asText()).isEqualTo("success");
      one.awaitEnd(Duration.ofSeconds(15));
      one.assertStoredAsSeen(db, "STOPPED");

      // The slow instance dies with runs in flight; the fast one ends them by lease.
      Streams orphans = Streams.start(slow, key, 5);
      orphans.awaitText(Duration.ofSeconds(30));
      slow.kill();
      long killed = System.nanoTime();
      while (db.running(orphans.messageIds()) > 0) {
        assertThat(Duration.ofNanos(System.nanoTime() - killed))
            .as("a dead instance's messages still running")
            .isLessThan(Duration.ofSeconds(30));
        Thread.sleep(200);
      }
      for (FaultDatabase.Row row : db.messages(orphans.messageIds()).values()) {
        assertThat(row.status()).isEqualTo("ERROR");
        assertThat(row.error()).startsWith("abandoned: ");
      }

      Map<String, String> pool = bouncer.pool();
      System.out.printf(
          "PGBOUNCER %d chats + stop + recovery: at most %d PostgreSQL backends (%d samples),"
              + " recovery %.1f s after the kill; pool %s%n",
          CHATS,
          backends.max(),
          backends.samples(),
          Duration.ofNanos(System.nanoTime() - killed).toMillis() / 1000.0,
          pool);
      assertThat(backends.max())
          .as("PostgreSQL backends named %s", bouncer.applicationName())
          .isPositive()
          .isLessThanOrEqualTo(SERVER_CONNECTIONS);
      assertThat(pool.get("pool_mode")).isEqualTo("transaction");
    }
  }

  /**
   * Starts the fast and the slow instance at once (on a busy machine a start is mostly waiting for
   * CPU, so two take about as long as one); neither outlives a failure of the other.
   */
  private static List<ServiceProcess> startBoth(
      Map<String, String> fastEnv, Map<String, String> slowEnv) throws Exception {
    try (ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<ServiceProcess> fast =
          starter.submit(() -> ServiceProcess.start("pgbouncer-fast", fastEnv, READY_WITHIN));
      Future<ServiceProcess> slow =
          starter.submit(() -> ServiceProcess.start("pgbouncer-slow", slowEnv, READY_WITHIN));
      List<ServiceProcess> started = new ArrayList<>();
      Exception failure = null;
      for (Future<ServiceProcess> start : List.of(fast, slow)) {
        try {
          started.add(start.get());
        } catch (ExecutionException e) {
          failure = e.getCause() instanceof Exception cause ? cause : e;
        }
      }
      if (failure != null) {
        for (ServiceProcess s : started) {
          s.close();
        }
        throw failure;
      }
      return started;
    }
  }

  /**
   * Counts, every 20 ms, PostgreSQL's backends carrying the service's application name (PgBouncer
   * passes the clients' name on to its server connections), straight to PostgreSQL.
   */
  private static final class BackendSampler implements AutoCloseable {
    private final AtomicInteger max = new AtomicInteger();
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopped;

    BackendSampler(String applicationName) {
      PersistenceSettings direct = PostgresTestDatabase.settings();
      thread =
          Thread.ofPlatform()
              .daemon()
              .name("backend-sampler")
              .start(() -> sample(direct, applicationName));
    }

    private void sample(PersistenceSettings direct, String applicationName) {
      try (Connection c =
              DriverManager.getConnection(direct.jdbcUrl(), direct.user(), direct.password());
          PreparedStatement count =
              c.prepareStatement(
                  "select count(*) from pg_stat_activity where application_name = ?")) {
        count.setString(1, applicationName);
        while (!stopped) {
          try (ResultSet rs = count.executeQuery()) {
            rs.next();
            max.accumulateAndGet(rs.getInt(1), Math::max);
            samples.incrementAndGet();
          }
          Thread.sleep(20);
        }
      } catch (Exception e) {
        failure.set(e);
      }
    }

    int max() {
      if (failure.get() != null) {
        throw new AssertionError("sampling pg_stat_activity failed", failure.get());
      }
      return max.get();
    }

    int samples() {
      return samples.get();
    }

    @Override
    public void close() throws InterruptedException {
      stopped = true;
      thread.join(2_000);
    }
  }
}
