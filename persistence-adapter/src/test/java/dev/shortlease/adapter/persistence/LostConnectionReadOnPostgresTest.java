package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import dev.shortlease.domain.StorageUnavailableException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A read by {@code em.find} whose connection is lost mid-transaction, as when the database is cut
 * while a chat starts. Hibernate answers such a find with null instead of its failure once the
 * transaction is marked rollback-only; the commit then failed against the closed connection with no
 * SQLState, and the chat got 500 instead of 503 (seen from outside: a cut during chat start).
 */
@PostgresTest
class LostConnectionReadOnPostgresTest {

  @Test
  @DisplayName("a find on a connection lost mid-transaction is storage unavailable, not a 500")
  void findOnLostConnectionIsTransient() {
    SessionScope scope = SharedContexts.postgres().sessionScope();

    assertThatThrownBy(
            () ->
                scope.call(
                    em -> {
                      Number pid =
                          (Number)
                              em.createNativeQuery("select pg_backend_pid()").getSingleResult();
                      terminate(pid.intValue());
                      return Optional.ofNullable(em.find(EndUserEntity.class, UUID.randomUUID()));
                    }))
        .isInstanceOf(StorageUnavailableException.class);
  }

  /** Ends the backend from another session, as a database restart or a cut proxy does. */
  private static void terminate(int pid) {
    var s = PostgresTestDatabase.settings();
    try (Connection other = DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
        PreparedStatement kill = other.prepareStatement("select pg_terminate_backend(?, 5000)")) {
      kill.setInt(1, pid);
      kill.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
