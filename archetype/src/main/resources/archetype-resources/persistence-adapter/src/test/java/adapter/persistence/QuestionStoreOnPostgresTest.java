package ${package}.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ${package}.application.port.out.QuestionStore;
import ${package}.domain.Question;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.testkit.PortChecks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migration and the port on PostgreSQL, in a schema of its own (dropped afterwards), when
 * {@code TEST_DATABASE_URL} names a server, e.g. {@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}; skipped otherwise.
 */
class QuestionStoreOnPostgresTest {
  private static final String SERVER = System.getenv("TEST_DATABASE_URL");
  private static final String SCHEMA = "t" + UUID.randomUUID().toString().replace("-", "");
  private static final ConnectionTracker TRACKER = ConnectionTracker.create();
  private static PersistenceContext database;

  @BeforeAll
  static void start() throws SQLException {
    assumeTrue(
        SERVER != null && SERVER.startsWith("jdbc:postgresql:"),
        "TEST_DATABASE_URL names no PostgreSQL server: the PostgreSQL contract is skipped");
    execute("create schema " + SCHEMA);
    String url = SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    database =
        PersistenceContext.start(
            PersistenceSettings.of(url, "", ""), new SimpleMeterRegistry(), TRACKER::wrap);
  }

  @AfterAll
  static void stop() throws SQLException {
    if (database != null) {
      database.close();
      execute("drop schema " + SCHEMA + " cascade");
    }
  }

  @Test
  void storesReadsAndAnswersAQuestionWithEveryConnectionReturned() {
    PortChecks.assertPoolIdleAfterEachCall(
        TRACKER,
        QuestionStore.class,
        database.questions(),
        port -> {
          Question asked = port.add("Does it run on PostgreSQL?");
          assertThat(port.saveAnswer(asked.id(), "It does.")).isTrue();
          assertThat(port.find(asked.id()).orElseThrow().answer()).contains("It does.");
        });
    assertThat(database.databaseReady()).isTrue();
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(SERVER);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
