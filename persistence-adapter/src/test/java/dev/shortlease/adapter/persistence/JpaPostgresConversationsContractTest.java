package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.port.contract.ConversationsContract;
import dev.shortlease.domain.port.contract.PortSet;
import org.junit.jupiter.api.BeforeEach;

class JpaPostgresConversationsContractTest extends ConversationsContract {
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
