package dev.shortlease.domain.port.inmemory;

import dev.shortlease.domain.port.contract.MessagesContract;
import dev.shortlease.domain.port.contract.PortSet;

class InMemoryMessagesContractTest extends MessagesContract {
  private final PortSet ports = PortSet.of(new InMemoryStore());

  @Override
  protected PortSet ports() {
    return ports;
  }
}
