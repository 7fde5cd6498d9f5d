package dev.shortlease.domain.port.inmemory;

import dev.shortlease.domain.port.contract.AppsAndKeysContract;
import dev.shortlease.domain.port.contract.PortSet;

class InMemoryAppsAndKeysContractTest extends AppsAndKeysContract {
  private final PortSet ports = PortSet.of(new InMemoryStore());

  @Override
  protected PortSet ports() {
    return ports;
  }
}
