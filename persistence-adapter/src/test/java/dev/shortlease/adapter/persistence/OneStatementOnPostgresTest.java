package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link SessionScope#callOneStatement} on PostgreSQL, directly and behind PgBouncer. */
@PostgresTest
class OneStatementOnPostgresTest {

  @Test
  @DisplayName("direct: the statement commits itself, and the next borrower gets autocommit off")
  void directAutoCommits() {
    SessionScope scope = SharedContexts.postgres().sessionScope();

    assertThat(scope.database()).isEqualTo(Database.POSTGRESQL);
    assertThat(scope.<Boolean>callOneStatementReserved(c -> c.getAutoCommit()).booleanValue())
        .isTrue();
    assertThat(
            scope
                .<Boolean>callStateless(s -> s.doReturningWork(c -> c.getAutoCommit()))
                .booleanValue())
        .isFalse();
  }

  @Test
  @DisplayName("behind PgBouncer's transaction mode: inside the borrow's transaction")
  void pooledStaysInTheTransaction() {
    SessionScope scope = SharedContexts.pgbouncer().sessionScope();

    assertThat(scope.database()).isEqualTo(Database.POSTGRESQL_POOLED);
    assertThat(scope.<Boolean>callOneStatement(c -> c.getAutoCommit()).booleanValue()).isFalse();
  }
}
