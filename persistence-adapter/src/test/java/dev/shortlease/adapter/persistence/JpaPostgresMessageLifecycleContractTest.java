package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.port.contract.MessageLifecycleContract;
import dev.shortlease.domain.port.contract.PortSet;

class JpaPostgresMessageLifecycleContractTest extends MessageLifecycleContract {
  @Override
  protected PortSet ports() {
    return SharedContexts.ports(SharedContexts.postgres());
  }
}
