package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.port.contract.ConversationsContract;
import dev.shortlease.domain.port.contract.PortSet;

class JpaPostgresConversationsContractTest extends ConversationsContract {
  @Override
  protected PortSet ports() {
    return SharedContexts.ports(SharedContexts.postgres());
  }
}
