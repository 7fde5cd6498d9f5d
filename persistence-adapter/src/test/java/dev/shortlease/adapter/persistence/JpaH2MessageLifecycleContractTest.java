package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.port.contract.MessageLifecycleContract;
import dev.shortlease.domain.port.contract.PortSet;

class JpaH2MessageLifecycleContractTest extends MessageLifecycleContract {
  @Override
  protected PortSet ports() {
    return SharedContexts.ports(SharedContexts.h2());
  }
}
