package dev.shortlease.domain.port.inmemory;

import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.port.contract.MessageLifecycleContract;
import dev.shortlease.domain.port.contract.PortSet;
import java.time.Duration;

class InMemoryMessageLifecycleContractTest extends MessageLifecycleContract {
  private final InMemoryStore store = new InMemoryStore();
  private final PortSet ports = PortSet.of(store);

  @Override
  protected PortSet ports() {
    return ports;
  }

  @Override
  protected void backdateStart(StartedTurn turn, Duration age) {
    store.backdateMessage(turn.messageId(), age);
  }
}
