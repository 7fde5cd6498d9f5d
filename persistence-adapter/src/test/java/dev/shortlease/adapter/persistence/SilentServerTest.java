package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import dev.shortlease.domain.StorageUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A server that stops answering (a network partition, a host gone without closing its sockets) must
 * not pin a pooled connection and its caller forever: the driver gives up once the statement
 * timeout plus a margin has passed without a reply, and the failure is transient.
 */
@PostgresTest
class SilentServerTest {
  private PersistenceContext context;

  @BeforeEach
  void start() {
    context =
        PersistenceContext.start(
            PostgresTestDatabase.settings()
                .withTimeouts(new StatementTimeouts(1_000, 500))
                .withPoolSize(1),
            new SimpleMeterRegistry());
  }

  @AfterEach
  void stop() {
    if (context != null) {
      context.close();
    }
  }

  @Test
  @DisplayName("no reply past the statement timeout and its margin: transient, within the bound")
  void silentServerFailsTransiently() {
    long started = System.nanoTime();

    // Silence without a cancel: the server's own limit is lifted, as a dead host would not answer.
    assertThatThrownBy(
            () ->
                context
                    .sessionScope()
                    .call(
                        em -> {
                          em.createNativeQuery("set local statement_timeout = 0").executeUpdate();
                          return em.createNativeQuery("select pg_sleep(20)").getResultList();
                        }))
        .isInstanceOf(StorageUnavailableException.class);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
  }
}
