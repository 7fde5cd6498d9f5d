package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.shortlease.adapter.persistence.testing.PgBouncerFixture;
import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The pool's connections carry {@code application_name = shortlease} in {@code pg_stat_activity},
 * so an operator can count the service's backends (docs/sizing.md), unless {@code DATABASE_URL}
 * names them itself (the benchmark does) — also through PgBouncer, which sets the name of each
 * client on the server connection it lends. Flyway's connections, which go around PgBouncer, carry
 * a name of their own.
 */
@PostgresTest
class ApplicationNameOnPostgresTest {

  @Test
  @DisplayName("a URL without ApplicationName: the pool's backends are named shortlease")
  void defaultName() {
    PersistenceSettings direct = unnamed();

    assertThat(backendName(direct)).isEqualTo("shortlease");
  }

  @Test
  @DisplayName("the URL's own ApplicationName wins over the default")
  void urlWins() {
    String own = "own-name-" + UUID.randomUUID();
    PersistenceSettings direct = unnamed();
    PersistenceSettings named =
        PersistenceSettings.of(
                direct.jdbcUrl() + "&ApplicationName=" + own, direct.user(), direct.password())
            .withSchema(direct.schema());

    assertThat(backendName(named)).isEqualTo(own);
  }

  @Test
  @DisplayName("through PgBouncer (transaction mode): the server backend carries the default name")
  void defaultNameThroughPgBouncer() {
    PersistenceSettings direct = unnamed();
    try (PgBouncerFixture bouncer = PgBouncerFixture.builder(direct).poolSize(1).start()) {
      PersistenceSettings pooled =
          direct.throughPooler(bouncer.jdbcUrl(), PoolerSettings.pgbouncer(direct.jdbcUrl()));

      assertThat(backendName(pooled)).isEqualTo("shortlease");
    }
  }

  @Test
  @DisplayName("through PgBouncer (transaction mode): the URL's own ApplicationName wins")
  void urlWinsThroughPgBouncer() {
    try (PgBouncerFixture bouncer = PgBouncerFixture.builder(unnamed()).poolSize(1).start()) {
      assertThat(backendName(bouncer.settings())).isEqualTo(bouncer.applicationName());
    }
  }

  @Test
  @DisplayName("Flyway's own connections are named shortlease-migration, not counted as the pool's")
  void migrationName() throws SQLException {
    assertThat(migrationBackendName(unnamed())).isEqualTo("shortlease-migration");
  }

  @Test
  @DisplayName("the URL's own ApplicationName wins for Flyway's connections too")
  void urlWinsForMigration() throws SQLException {
    String own = "own-name-" + UUID.randomUUID();
    PersistenceSettings direct = unnamed();
    PersistenceSettings named =
        PersistenceSettings.of(
            direct.jdbcUrl() + "&ApplicationName=" + own, direct.user(), direct.password());

    assertThat(migrationBackendName(named)).isEqualTo(own);
  }

  /**
   * The test database's settings; a TEST_DATABASE_URL that names itself cannot show the default.
   */
  private static PersistenceSettings unnamed() {
    PersistenceSettings direct = PostgresTestDatabase.settings();
    assumeFalse(direct.jdbcUrl().contains("ApplicationName="), "TEST_DATABASE_URL names itself");
    return direct;
  }

  /** The name pg_stat_activity shows for the backend that runs one of the pool's transactions. */
  private static String backendName(PersistenceSettings settings) {
    try (PersistenceContext context =
        PersistenceContext.start(settings.withPoolSize(1), new SimpleMeterRegistry())) {
      return context
          .sessionScope()
          .call(
              em ->
                  (String)
                      em.createNativeQuery(
                              "select application_name from pg_stat_activity"
                                  + " where pid = pg_backend_pid()")
                          .getSingleResult());
    }
  }

  /** The name pg_stat_activity shows for a connection of Flyway's, configured as it migrates. */
  private static String migrationBackendName(PersistenceSettings settings) throws SQLException {
    try (Connection connection =
            SchemaMigration.configuration(settings).getDataSource().getConnection();
        var statement = connection.createStatement();
        var row =
            statement.executeQuery(
                "select application_name from pg_stat_activity where pid = pg_backend_pid()")) {
      row.next();
      return row.getString(1);
    }
  }
}
