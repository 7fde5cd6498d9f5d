package dev.shortlease.domain.port.inmemory;

import dev.shortlease.domain.port.contract.ConversationsContract;
import dev.shortlease.domain.port.contract.PortSet;

class InMemoryConversationsContractTest extends ConversationsContract {
  private final PortSet ports = PortSet.of(new InMemoryStore());

  @Override
  protected PortSet ports() {
    return ports;
  }
}
