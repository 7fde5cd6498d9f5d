package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.H2TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The pool's driver properties per database (the names themselves: ApplicationNameOnPostgresTest).
 */
class PoolConfigTest {

  @Test
  @DisplayName("PostgreSQL: the pool's connections are named shortlease by a driver property")
  void postgresConnectionsAreNamed() {
    PersistenceSettings postgres =
        PersistenceSettings.of("jdbc:postgresql://127.0.0.1:5432/db", "u", "p");

    assertThat(PoolConfig.of(postgres, new SimpleMeterRegistry()).getDataSourceProperties())
        .containsEntry("ApplicationName", "shortlease");
  }

  @Test
  @DisplayName("H2: no ApplicationName, nor any other pgjdbc property")
  void h2GetsNoDriverProperties() {
    assertThat(
            PoolConfig.of(H2TestDatabase.newDatabase(), new SimpleMeterRegistry())
                .getDataSourceProperties())
        .isEmpty();
  }
}
