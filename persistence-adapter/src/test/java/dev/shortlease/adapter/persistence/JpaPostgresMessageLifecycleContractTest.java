package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.port.contract.MessageLifecycleContract;
import dev.shortlease.domain.port.contract.PortSet;
import org.junit.jupiter.api.BeforeEach;

class JpaPostgresMessageLifecycleContractTest extends MessageLifecycleContract {
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
