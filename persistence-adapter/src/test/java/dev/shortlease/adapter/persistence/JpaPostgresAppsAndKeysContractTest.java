package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.port.contract.AppsAndKeysContract;
import dev.shortlease.domain.port.contract.PortSet;

class JpaPostgresAppsAndKeysContractTest extends AppsAndKeysContract {
  @Override
  protected PortSet ports() {
    return SharedContexts.ports(SharedContexts.postgres());
  }
}
