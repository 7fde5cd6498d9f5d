package dev.shortlease.domain.port.inmemory;

import dev.shortlease.domain.port.contract.PortSet;
import dev.shortlease.domain.port.contract.StartTurnContract;

class InMemoryStartTurnContractTest extends StartTurnContract {
  private final PortSet ports = PortSet.of(new InMemoryStore());

  @Override
  protected PortSet ports() {
    return ports;
  }
}
