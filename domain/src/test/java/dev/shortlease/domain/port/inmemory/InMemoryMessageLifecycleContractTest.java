package dev.shortlease.domain.port.inmemory;

import dev.shortlease.domain.port.contract.MessageLifecycleContract;
import dev.shortlease.domain.port.contract.PortSet;

class InMemoryMessageLifecycleContractTest extends MessageLifecycleContract {
  private final PortSet ports = PortSet.of(new InMemoryStore());

  @Override
  protected PortSet ports() {
    return ports;
  }
}
