package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.port.contract.PortSet;
import dev.shortlease.domain.port.contract.StartTurnContract;

class JpaPostgresStartTurnContractTest extends StartTurnContract {
  @Override
  protected PortSet ports() {
    return SharedContexts.ports(SharedContexts.postgres());
  }
}
