package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.port.contract.MessageLifecycleContract;
import dev.shortlease.domain.port.contract.PortSet;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;

class JpaH2MessageLifecycleContractTest extends MessageLifecycleContract {
  private PortSet ports;

  @BeforeEach
  void connect() {
    ports = SharedContexts.ports(SharedContexts.h2());
  }

  @Override
  protected PortSet ports() {
    return ports;
  }

  @Override
  protected void backdateStart(StartedTurn turn, Duration age) {
    DatabaseTime.setAgo(
        SharedContexts.h2(), "message", "created_at", turn.messageId().value(), age);
  }
}
