package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.port.contract.MessagesContract;
import dev.shortlease.domain.port.contract.PortSet;
import org.junit.jupiter.api.BeforeEach;

class JpaH2MessagesContractTest extends MessagesContract {
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
