package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.port.contract.PortSet;
import dev.shortlease.domain.port.contract.StartTurnContract;
import org.junit.jupiter.api.BeforeEach;

class JpaH2StartTurnContractTest extends StartTurnContract {
  private PortSet ports;

  @BeforeEach
  void connect() {
    ports = SharedContexts.ports(SharedContexts.h2());
  }

  @Override
  protected PortSet ports() {
    return ports;
  }
}
