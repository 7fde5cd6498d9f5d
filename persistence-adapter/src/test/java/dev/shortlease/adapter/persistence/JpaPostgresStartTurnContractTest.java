package dev.shortlease.adapter.persistence;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.domain.port.contract.PortSet;
import dev.shortlease.domain.port.contract.StartTurnContract;
import org.junit.jupiter.api.BeforeEach;

@PostgresTest
class JpaPostgresStartTurnContractTest extends StartTurnContract {
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
