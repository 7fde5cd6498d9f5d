package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.adapter.persistence.PersistenceSettings;
import dev.shortlease.adapter.persistence.PoolerSettings;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** DATABASE_POOLER and DATABASE_MIGRATION_URL, read and checked before anything starts. */
class PoolerSettingsFromEnvironmentTest {
  private static final String BOUNCER = "jdbc:postgresql://pgbouncer:6432/app";
  private static final String DIRECT = "jdbc:postgresql://db:5432/app?password=s3cret";

  @Test
  @DisplayName("by default connections go straight to the database and Flyway uses DATABASE_URL")
  void directByDefault() {
    PersistenceSettings database =
        Settings.fromEnvironment(Map.of("DATABASE_URL", BOUNCER)).database();

    assertThat(database.pooler()).isEqualTo(PoolerSettings.DIRECT);
    assertThat(database.pooler().migrationUrl(database.jdbcUrl())).isEqualTo(BOUNCER);
  }

  @Test
  @DisplayName("pgbouncer with a migration URL: transaction pooling, Flyway straight to PostgreSQL")
  void pgbouncer() {
    PersistenceSettings database =
        Settings.fromEnvironment(
                Map.of(
                    "DATABASE_URL", BOUNCER,
                    "DATABASE_POOLER", "PgBouncer",
                    "DATABASE_MIGRATION_URL", DIRECT))
            .database();

    assertThat(database.pooler().transactionPooling()).isTrue();
    assertThat(database.pooler().migrationUrl(database.jdbcUrl())).isEqualTo(DIRECT);
    assertThat(database.toString()).contains("pgbouncer").doesNotContain("s3cret");
  }

  @Test
  @DisplayName("a value that is not none or pgbouncer stops the start naming both")
  void unknownPooler() {
    assertThatThrownBy(
            () ->
                Settings.fromEnvironment(
                    Map.of("DATABASE_URL", BOUNCER, "DATABASE_POOLER", "pgpool")))
        .isInstanceOf(SettingsException.class)
        .hasMessage("DATABASE_POOLER must be one of none, pgbouncer, was 'pgpool'");
  }

  @Test
  @DisplayName("pgbouncer without DATABASE_MIGRATION_URL stops the start and says why")
  void pgbouncerNeedsMigrationUrl() {
    assertThatThrownBy(
            () ->
                Settings.fromEnvironment(
                    Map.of("DATABASE_URL", BOUNCER, "DATABASE_POOLER", "pgbouncer")))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("DATABASE_POOLER=pgbouncer needs DATABASE_MIGRATION_URL")
        .hasMessageContaining("session state");
  }

  @Test
  @DisplayName("pgbouncer refuses the embedded database and URL parameters it cannot pass on")
  void pgbouncerRefusesWhatCannotWork() {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("DATABASE_POOLER", "pgbouncer")))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith(
            "DATABASE_POOLER=pgbouncer needs a jdbc:postgresql:// DATABASE_URL");
    assertThatThrownBy(
            () ->
                Settings.fromEnvironment(
                    Map.of(
                        "DATABASE_URL",
                        BOUNCER + "?currentSchema=chat",
                        "DATABASE_POOLER",
                        "pgbouncer",
                        "DATABASE_MIGRATION_URL",
                        DIRECT)))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("DATABASE_URL must not carry currentSchema");
    assertThatThrownBy(
            () ->
                Settings.fromEnvironment(
                    Map.of(
                        "DATABASE_URL",
                        BOUNCER + "?prepareThreshold=5",
                        "DATABASE_POOLER",
                        "pgbouncer",
                        "DATABASE_MIGRATION_URL",
                        DIRECT)))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("DATABASE_URL must not set prepareThreshold=5");
  }

  @Test
  @DisplayName("a migration URL that is not JDBC stops the start without printing its secret")
  void badMigrationUrl() {
    assertThatThrownBy(
            () ->
                Settings.fromEnvironment(
                    Map.of(
                        "DATABASE_URL",
                        BOUNCER,
                        "DATABASE_MIGRATION_URL",
                        "postgres://u:hunter2@db/app")))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("DATABASE_MIGRATION_URL must be a jdbc:postgresql://")
        .hasMessageNotContaining("hunter2");
  }
}
