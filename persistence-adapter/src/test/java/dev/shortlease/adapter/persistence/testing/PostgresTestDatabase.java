package dev.shortlease.adapter.persistence.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.shortlease.adapter.persistence.PersistenceSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Test support: a PostgreSQL schema of this test JVM's own, for tests of any module.
 *
 * <p>PostgreSQL is found via env {@code TEST_DATABASE_URL}, else started with Testcontainers when
 * Docker is available, else the calling test is skipped with a loud notice — except when env {@code
 * CI=true}, where it fails. The schema is created on first use (Flyway migrates it when a {@code
 * PersistenceContext} starts) and dropped when the JVM exits, so parallel builds sharing one server
 * and repeated runs never see each other's rows.
 */
public final class PostgresTestDatabase {
  private static final String IMAGE = "postgres:17-alpine";
  private static PersistenceSettings settings;
  private static String unavailable;

  private PostgresTestDatabase() {}

  /** Settings pointing at this JVM's schema; aborts (or, under CI, fails) the test without one. */
  public static synchronized PersistenceSettings settings() {
    if (settings == null && unavailable == null) {
      settings = locate();
    }
    if (settings == null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but " + unavailable);
      }
      System.err.println("*** SKIPPING PostgreSQL tests: " + unavailable + " ***");
      Assumptions.abort(unavailable);
    }
    return settings;
  }

  private static PersistenceSettings locate() {
    String url = System.getenv("TEST_DATABASE_URL");
    String user = null;
    String password = null;
    if (url == null || url.isBlank()) {
      if (!DockerClientFactory.instance().isDockerAvailable()) {
        unavailable = "no PostgreSQL: TEST_DATABASE_URL is not set and Docker is not available";
        return null;
      }
      PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
      try {
        container.start(); // stopped by Testcontainers' reaper when the JVM exits
      } catch (RuntimeException e) {
        unavailable =
            "TEST_DATABASE_URL is not set and Testcontainers could not start " + IMAGE + ": " + e;
        return null;
      }
      url = container.getJdbcUrl();
      user = container.getUsername();
      password = container.getPassword();
    }
    String schema =
        "test_"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 16)
                .toLowerCase(Locale.ROOT);
    createSchema(url, user, password, schema);
    String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return PersistenceSettings.of(schemaUrl, user, password).withSchema(schema);
  }

  private static void createSchema(String url, String user, String password, String schema) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("create schema " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test schema on " + url, e);
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Connection connection = DriverManager.getConnection(url, user, password);
                      Statement statement = connection.createStatement()) {
                    statement.execute("drop schema if exists " + schema + " cascade");
                  } catch (SQLException e) {
                    System.err.println("could not drop test schema " + schema + ": " + e);
                  }
                },
                "drop-" + schema));
  }
}
