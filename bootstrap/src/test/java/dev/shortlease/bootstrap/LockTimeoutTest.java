package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.PersistenceSettings;
import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A conversation row locked by another session (a console left open in a transaction): the next
 * turn of that conversation gets a clear 503 in Dify's error shape within DB_LOCK_TIMEOUT_MS, saves
 * nothing and leaves no message {@code running}; once the lock is gone, the turn works.
 */
@DisplayName("Bounded work: a locked row yields a clear error within DB_LOCK_TIMEOUT_MS")
class LockTimeoutTest {
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(1);

  @Nested
  @DisplayName("on H2")
  class OnH2 {
    @Test
    void lockedConversation() throws Exception {
      Map<String, String> env = TestServers.env();
      String url = "jdbc:h2:mem:sl-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
      env.put("DATABASE_URL", url);
      env.put("DATABASE_USER", "sa");
      check(
          env,
          () ->
              DriverManager.getConnection(url + PersistenceSettings.H2_POSTGRESQL_MODE, "sa", ""));
    }
  }

  @Nested
  @PostgresTest
  @DisplayName("on PostgreSQL")
  class OnPostgres {
    @Test
    void lockedConversation() throws Exception {
      PersistenceSettings database = PostgresTestDatabase.settings();
      Map<String, String> env = TestServers.env();
      env.put("DATABASE_URL", database.jdbcUrl());
      if (database.user() != null) {
        env.put("DATABASE_USER", database.user());
        env.put("DATABASE_PASSWORD", database.password());
      }
      check(
          env,
          () ->
              DriverManager.getConnection(
                  database.jdbcUrl(), database.user(), database.password()));
    }
  }

  interface Connect {
    Connection open() throws SQLException;
  }

  private static void check(Map<String, String> env, Connect connect) throws Exception {
    env.put("DB_LOCK_TIMEOUT_MS", Long.toString(LOCK_TIMEOUT.toMillis()));
    try (ShortleaseServer server = ShortleaseServer.start(Settings.fromEnvironment(env));
        Connection console = connect.open();
        SayLessTest.CapturedLog log = new SayLessTest.CapturedLog()) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("chat");
      String user = "locked-" + UUID.randomUUID();
      Api.Reply first =
          api.post("/v1/chat-messages", app.key(), Api.chat(user, "hi", "blocking", null));
      UUID conversation = UUID.fromString(first.json().get("conversation_id").asText());

      console.setAutoCommit(false);
      try (PreparedStatement lock =
          console.prepareStatement("select id from conversation where id = ? for update")) {
        lock.setObject(1, conversation);
        lock.executeQuery().close();
      }
      long started = System.nanoTime();
      Api.Reply blocked =
          api.post(
              "/v1/chat-messages",
              app.key(),
              Api.chat(user, "again", "blocking", conversation.toString()));
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      console.rollback();

      assertThat(blocked.status()).as(blocked.text()).isEqualTo(503);
      assertThat(blocked.code()).isEqualTo("service_unavailable");
      assertThat(blocked.json().get("message").asText()).isNotBlank();
      assertThat(blocked.json().get("status").asInt()).isEqualTo(503);
      assertThat(took).isGreaterThanOrEqualTo(LOCK_TIMEOUT.multipliedBy(9).dividedBy(10));
      assertThat(took).isLessThan(LOCK_TIMEOUT.plusSeconds(4));
      System.out.printf("LOCK a locked conversation answered 503 after %d ms%n", took.toMillis());
      assertThat(log.lines())
          .as("the operator reads the database's own words, as Hibernate logs no SQL error")
          .anySatisfy(
              line ->
                  assertThat(line)
                      .contains("storage unavailable: statement or lock timeout (SQLState")
                      .containsIgnoringCase("the database is busy: ")
                      .matches("(?is).*busy: .*lock.*"));

      assertThat(
              count(
                  console, "select count(*) from message where conversation_id = ?", conversation))
          .as("the refused turn saved nothing")
          .isEqualTo(1);
      assertThat(
              count(
                  console,
                  "select count(*) from message where status = 'RUNNING' and conversation_id = ?",
                  conversation))
          .isZero();
      Api.Reply after =
          api.post(
              "/v1/chat-messages",
              app.key(),
              Api.chat(user, "again", "blocking", conversation.toString()));
      assertThat(after.status()).as(after.text()).isEqualTo(200);
    }
  }

  private static long count(Connection c, String sql, UUID conversation) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, conversation);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        long n = r.getLong(1);
        c.rollback();
        return n;
      }
    }
  }
}
