package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PoolerSettingsTest {
  private static final String BOUNCER = "jdbc:postgresql://127.0.0.1:6432/app?user=svc";
  private static final String DIRECT = "jdbc:postgresql://127.0.0.1:5432/app?user=svc";

  @Test
  @DisplayName("behind PgBouncer a PostgreSQL URL and a migration URL are all it takes")
  void acceptsAPlainPostgresUrl() {
    PoolerSettings pooler = PoolerSettings.pgbouncer(DIRECT);

    assertThat(pooler.problemWith(BOUNCER)).isNull();
    assertThat(pooler.problemWith(BOUNCER + "&prepareThreshold=0")).isNull();
    assertThat(pooler.migrationUrl(BOUNCER)).isEqualTo(DIRECT);
    assertThat(PoolerSettings.DIRECT.migrationUrl(BOUNCER)).isEqualTo(BOUNCER);
  }

  @Test
  @DisplayName("startup parameters PgBouncer refuses, and named statements, are refused up front")
  void refusesWhatPgBouncerCannotCarry() {
    PoolerSettings pooler = PoolerSettings.pgbouncer(DIRECT);

    assertThat(pooler.problemWith(BOUNCER + "&options=-c%20statement_timeout%3D1"))
        .startsWith("DATABASE_URL must not carry options");
    assertThat(pooler.problemWith(BOUNCER + "&currentSchema=x"))
        .startsWith("DATABASE_URL must not carry currentSchema");
    assertThat(pooler.problemWith(BOUNCER + "&prepareThreshold=5"))
        .startsWith("DATABASE_URL must not set prepareThreshold=5");
    assertThat(pooler.problemWith("jdbc:h2:mem:x")).contains("jdbc:postgresql://");
    assertThat(PoolerSettings.pgbouncer(null).problemWith(BOUNCER))
        .contains("needs DATABASE_MIGRATION_URL");
    assertThat(PoolerSettings.pgbouncer("jdbc:h2:mem:x").problemWith(BOUNCER))
        .startsWith("DATABASE_MIGRATION_URL must be a jdbc:postgresql://");
    // Straight to the database nothing is refused.
    assertThat(PoolerSettings.DIRECT.problemWith(BOUNCER + "&currentSchema=x")).isNull();
  }

  @Test
  @DisplayName("the settings refuse a combination that cannot work")
  void persistenceSettingsCheckIt() {
    PersistenceSettings direct = PersistenceSettings.of(BOUNCER, null, null);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> direct.throughPooler(BOUNCER, PoolerSettings.pgbouncer(null)))
        .withMessageContaining("DATABASE_MIGRATION_URL");
    assertThat(direct.throughPooler(BOUNCER, PoolerSettings.pgbouncer(DIRECT)).pooler().kind())
        .isEqualTo(PoolerSettings.Kind.PGBOUNCER);
  }

  @Test
  @DisplayName(
      "one statement sets both timeouts, and the schema when there is one, for the transaction")
  void transactionLocalStatement() {
    assertThat(TransactionLocalSettings.sql(new StatementTimeouts(30_000, 5_000), null))
        .isEqualTo(
            "select set_config('statement_timeout', '30000', true),"
                + " set_config('lock_timeout', '5000', true)");
    assertThat(TransactionLocalSettings.sql(new StatementTimeouts(0, 0), "test_ab12"))
        .endsWith(", set_config('search_path', 'test_ab12', true)");
  }
}
