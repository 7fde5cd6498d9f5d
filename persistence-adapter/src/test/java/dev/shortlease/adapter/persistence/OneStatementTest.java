package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link SessionScope#callOneStatement}: autocommit where the database allows it (PostgreSQL
 * reached directly: one round trip), a transaction everywhere else; the pool gets its connections
 * back as it lent them.
 */
class OneStatementTest {

  @Test
  @DisplayName("H2: the statement runs in a transaction")
  void h2RunsInATransaction() {
    SessionScope scope = SharedContexts.h2().sessionScope();

    assertThat(scope.database()).isEqualTo(Database.OTHER);
    assertThat(scope.<Boolean>callOneStatement(c -> c.getAutoCommit()).booleanValue()).isFalse();
  }

  @Test
  @DisplayName("which database a URL leads to")
  void databaseOfUrl() {
    assertThat(Database.of("jdbc:postgresql://db/x", false)).isEqualTo(Database.POSTGRESQL);
    assertThat(Database.of("jdbc:postgresql://bouncer/x", true))
        .isEqualTo(Database.POSTGRESQL_POOLED);
    assertThat(Database.of("jdbc:h2:mem:x", false)).isEqualTo(Database.OTHER);
    assertThat(Database.POSTGRESQL_POOLED.isPostgresql()).isTrue();
    assertThat(Database.POSTGRESQL_POOLED.autoCommitsOneStatement()).isFalse();
  }
}
