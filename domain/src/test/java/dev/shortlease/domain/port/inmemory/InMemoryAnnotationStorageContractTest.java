package dev.shortlease.domain.port.inmemory;

import dev.shortlease.domain.AnnotationJobId;
import dev.shortlease.domain.port.contract.AnnotationStorageContract;
import dev.shortlease.domain.port.contract.PortSet;
import java.time.Duration;

class InMemoryAnnotationStorageContractTest extends AnnotationStorageContract {
  private final InMemoryStore store = new InMemoryStore();
  private final PortSet ports = PortSet.of(store);

  @Override
  protected PortSet ports() {
    return ports;
  }

  @Override
  protected void backdateJob(AnnotationJobId id, Duration age) {
    store.backdateJob(id, age);
  }
}
