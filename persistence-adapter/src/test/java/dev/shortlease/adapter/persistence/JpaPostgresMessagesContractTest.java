package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.port.contract.MessagesContract;
import dev.shortlease.domain.port.contract.PortSet;

class JpaPostgresMessagesContractTest extends MessagesContract {
  @Override
  protected PortSet ports() {
    return SharedContexts.ports(SharedContexts.postgres());
  }
}
