package dev.shortlease.adapter.persistence;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.domain.port.contract.AppsAndKeysContract;
import dev.shortlease.domain.port.contract.PortSet;
import org.junit.jupiter.api.BeforeEach;

/** The contract on the adapter alone ({@code APP_CACHE_TTL_MS=0}). */
@PostgresTest
class JpaPostgresUncachedAppsAndKeysContractTest extends AppsAndKeysContract {
  private PortSet ports;

  @BeforeEach
  void connect() {
    ports = SharedContexts.uncachedPorts(SharedContexts.postgres());
  }

  @Override
  protected PortSet ports() {
    return ports;
  }
}
