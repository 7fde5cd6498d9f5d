package dev.shortlease.adapter.persistence;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.domain.port.contract.AppsAndKeysContract;
import dev.shortlease.domain.port.contract.PortSet;
import org.junit.jupiter.api.BeforeEach;

/** The contract through the app cache, as the service wires the ports (default TTL). */
@PostgresTest
class JpaPostgresAppsAndKeysContractTest extends AppsAndKeysContract {
  private PortSet ports;

  @BeforeEach
  void connect() {
    ports = SharedContexts.ports(SharedContexts.postgres());
  }

  @Override
  protected PortSet ports() {
    return ports;
  }
}
