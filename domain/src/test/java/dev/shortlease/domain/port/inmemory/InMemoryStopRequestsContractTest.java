package dev.shortlease.domain.port.inmemory;

import dev.shortlease.domain.port.StopRequestsPort;
import dev.shortlease.domain.port.contract.PortSet;
import dev.shortlease.domain.port.contract.StopRequestsContract;

class InMemoryStopRequestsContractTest extends StopRequestsContract {
  private final InMemoryStore store = new InMemoryStore();

  @Override
  protected PortSet ports() {
    return PortSet.of(store);
  }

  @Override
  protected StopRequestsPort stopRequests() {
    return store;
  }
}
