package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.domain.StorageUnavailableException;
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
  @DisplayName("direct: a connection lost mid-statement stays transient (not masked by the reset)")
  void lostConnectionIsTransient() {
    SessionScope scope = SharedContexts.postgres().sessionScope();

    // The backend ends itself: the pool then closes the connection, as after pg_terminate_backend.
    String suicide = "select pg_terminate_backend(pg_backend_pid())";

    assertThatThrownBy(
            () -> scope.callOneStatementReserved(c -> c.createStatement().execute(suicide)))
        .isInstanceOf(StorageUnavailableException.class);
  }

  @Test
  @DisplayName("behind PgBouncer's transaction mode: inside the borrow's transaction")
  void pooledStaysInTheTransaction() {
    SessionScope scope = SharedContexts.pgbouncer().sessionScope();

    assertThat(scope.database()).isEqualTo(Database.POSTGRESQL_POOLED);
    assertThat(scope.<Boolean>callOneStatement(c -> c.getAutoCommit()).booleanValue()).isFalse();
  }
}
