package ${package}.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import ${package}.application.port.out.QuestionStore;
import ${package}.domain.Question;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.testkit.PortChecks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migration and the port on PostgreSQL, in a schema of its own (dropped afterwards), when
 * {@code TEST_DATABASE_URL} names a server, e.g. {@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}. Without one it is skipped with a line on
 * the console saying why, except under {@code CI=true} ({@code .ci/run} sets it): there it fails,
 * so CI never passes without having run it.
 */
class QuestionStoreOnPostgresTest {
  /** How the skip reason starts, on the console and in the test report: grep the build for it. */
  static final String SKIP_NOTICE = "SKIPPING PostgreSQL tests: ";

  private static final String EXAMPLE_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static final String SERVER = System.getenv("TEST_DATABASE_URL");
  private static final String SCHEMA = "t" + UUID.randomUUID().toString().replace("-", "");
  // As the service builds it: a failure's acquiring stack shows this module's frames.
  private static final ConnectionTracker TRACKER =
      ConnectionTracker.builder()
          .name("${rootArtifactId}-test")
          .applicationPackages("${package}.")
          .build();
  private static PersistenceContext database;

  @BeforeAll
  static void start() throws SQLException {
    if (SERVER == null || !SERVER.startsWith("jdbc:postgresql:")) {
      String reason =
          SERVER == null || SERVER.isBlank()
              ? "TEST_DATABASE_URL is not set"
              : "TEST_DATABASE_URL is not a jdbc:postgresql: URL";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but " + reason + " (set TEST_DATABASE_URL, e.g. " + EXAMPLE_URL + ")");
      }
      announce(reason + "; set TEST_DATABASE_URL=" + EXAMPLE_URL + " to run them");
      Assumptions.abort(SKIP_NOTICE + reason);
    }
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

  @Test
  void namesThePoolsConnectionsForAnOperatorsCount() throws SQLException {
    Assumptions.assumeFalse(SERVER.contains("ApplicationName="), "TEST_DATABASE_URL names itself");
    try (Connection connection = DriverManager.getConnection(SERVER);
        PreparedStatement backends =
            connection.prepareStatement(
                "select count(*) from pg_stat_activity where application_name = ?")) {
      backends.setString(1, PersistenceContext.APPLICATION_NAME);
      try (ResultSet count = backends.executeQuery()) {
        count.next();
        assertThat(count.getInt(1)).isPositive(); // HikariCP opens one at start, and keeps it
      }
    }
  }

  /**
   * Straight to the process's stderr: Surefire sends the tests' System.err to files
   * (redirectTestOutputToFile), but copies the fork's own stderr to the console, so this line is
   * what one sees beside "Skipped: 1".
   */
  private static void announce(String reason) {
    @SuppressWarnings("resource") // stderr stays open
    PrintStream console =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    console.println("*** " + SKIP_NOTICE + "(persistence-adapter) " + reason + " ***");
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(SERVER);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
