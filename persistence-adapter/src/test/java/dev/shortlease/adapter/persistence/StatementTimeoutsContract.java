package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.domain.StorageUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The statement timeout on every pooled connection: a statement running past it fails within it as
 * {@link StorageUnavailableException} (a busy database: 503), and the connection goes back to the
 * pool. (A lock held elsewhere is tested over HTTP, in the bootstrap's {@code LockTimeoutTest}.)
 */
abstract class StatementTimeoutsContract {
  private static final StatementTimeouts SHORT = new StatementTimeouts(500, 500);
  private PersistenceContext context;

  /** The database's settings; started here with {@link #SHORT} timeouts. */
  abstract PersistenceSettings database();

  /** A statement that runs for seconds. */
  abstract String slowStatement();

  @BeforeEach
  void start() {
    context =
        PersistenceContext.start(
            database().withTimeouts(SHORT).withPoolSize(1), new SimpleMeterRegistry());
  }

  @AfterEach
  void stop() {
    if (context != null) { // null when the database is skipped (no TEST_DATABASE_URL)
      context.close();
    }
  }

  @Test
  @DisplayName("a statement past the statement timeout fails within it, as a busy database")
  void slowStatementTimesOut() {
    long started = System.nanoTime();

    assertThatThrownBy(
            () ->
                context
                    .sessionScope()
                    .call(em -> em.createNativeQuery(slowStatement()).getResultList()))
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessageContaining("timeout");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    // The pool's only connection is free again and still works.
    Number one =
        context
            .sessionScope()
            .call(em -> (Number) em.createNativeQuery("select 1").getSingleResult());
    assertThat(one.intValue()).isEqualTo(1);
  }
}
