package dev.shortlease.benchmark.springosiv;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Test support: a PostgreSQL schema of the test's own on {@code TEST_DATABASE_URL}, as the service
 * modules' {@code PostgresTestDatabase} does it (that class lives in the service's test-jar, built
 * on the service's Hibernate; this module is on Spring Boot's). Without the variable the test is
 * skipped with the same notice, on the console; under {@code CI=true} it fails instead.
 */
final class TestDatabase implements AutoCloseable {

  /** The notice {@code ./shortlease test} counts skipped PostgreSQL tests by. */
  static final String SKIP_NOTICE = "SKIPPING PostgreSQL tests: ";

  private static boolean announced;

  private final String adminUrl;
  private final String schema;

  private TestDatabase(String adminUrl, String schema) {
    this.adminUrl = adminUrl;
    this.schema = schema;
  }

  /** A fresh schema; aborts the test (or fails it under CI) when there is no database. */
  static TestDatabase create() throws SQLException {
    String url = requireUrl(System.getenv());
    String schema = "osiv_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("create schema " + schema);
    }
    return new TestDatabase(url, schema);
  }

  /** {@code TEST_DATABASE_URL}, else a skip (outside CI) or a failure (under {@code CI=true}). */
  static String requireUrl(Map<String, String> env) {
    String url = env.get("TEST_DATABASE_URL");
    if (url != null && !url.isBlank()) {
      return url.strip();
    }
    String reason = "TEST_DATABASE_URL is not set";
    if ("true".equalsIgnoreCase(env.get("CI"))) {
      fail("CI=true but " + reason);
    }
    reason += "; set TEST_DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    announce(reason);
    Assumptions.abort(SKIP_NOTICE + reason);
    return null;
  }

  /**
   * Once per test JVM, straight to the process's stderr: Surefire keeps the tests' own output in
   * files, but copies the fork's stderr to the console.
   */
  private static synchronized void announce(String reason) {
    if (announced) {
      return;
    }
    announced = true;
    @SuppressWarnings("resource") // stderr stays open
    PrintStream console =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    console.println("*** " + SKIP_NOTICE + "(spring-osiv) " + reason + " ***");
  }

  /** The schema's JDBC URL, as the benchmark gives it to the service ({@code currentSchema}). */
  String url() {
    return adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  String schema() {
    return schema;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
    }
  }
}
