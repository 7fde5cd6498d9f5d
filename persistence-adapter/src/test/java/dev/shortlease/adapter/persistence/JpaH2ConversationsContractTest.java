package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.port.contract.ConversationsContract;
import dev.shortlease.domain.port.contract.PortSet;

class JpaH2ConversationsContractTest extends ConversationsContract {
  @Override
  protected PortSet ports() {
    return SharedContexts.ports(SharedContexts.h2());
  }
}
