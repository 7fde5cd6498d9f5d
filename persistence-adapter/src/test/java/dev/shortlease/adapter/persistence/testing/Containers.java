package dev.shortlease.adapter.persistence.testing;

import dev.shortlease.adapter.persistence.PersistenceSettings;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Test support: the only class that touches Testcontainers, loaded only when {@code
 * TEST_DATABASE_URL} is unset. A module using {@link PostgresTestDatabase} through this test-jar
 * must declare {@code org.testcontainers:testcontainers-postgresql} itself (test scope): a test-jar
 * does not bring its module's test dependencies.
 */
final class Containers {
  private static final String IMAGE = "postgres:17-alpine";
  static String failure;

  private Containers() {}

  static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  /** This JVM's schema in a fresh container, or null with {@link #failure} saying why. */
  static PersistenceSettings start() {
    PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
    try {
      container.start(); // stopped by Testcontainers' reaper when the JVM exits
    } catch (RuntimeException e) {
      failure =
          "TEST_DATABASE_URL is not set and Testcontainers could not start " + IMAGE + ": " + e;
      return null;
    }
    return PostgresTestDatabase.withOwnSchema(
        container.getJdbcUrl(), container.getUsername(), container.getPassword());
  }
}
