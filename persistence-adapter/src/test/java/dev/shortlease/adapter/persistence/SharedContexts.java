package dev.shortlease.adapter.persistence;

import dev.shortlease.adapter.persistence.testing.H2TestDatabase;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import dev.shortlease.domain.port.contract.PortSet;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** One started persistence context per database kind for the whole test JVM. */
final class SharedContexts {
  private static PersistenceContext postgres;
  private static PersistenceContext h2;

  private SharedContexts() {}

  static synchronized PersistenceContext postgres() {
    if (postgres == null) {
      postgres =
          PersistenceContext.start(PostgresTestDatabase.settings(), new SimpleMeterRegistry());
    }
    return postgres;
  }

  static synchronized PersistenceContext h2() {
    if (h2 == null) {
      h2 = PersistenceContext.start(H2TestDatabase.newDatabase(), new SimpleMeterRegistry());
    }
    return h2;
  }

  static PortSet ports(PersistenceContext c) {
    return new PortSet(
        c.apps(),
        c.apiKeys(),
        c.endUsers(),
        c.startTurn(),
        c.chatHistory(),
        c.finishMessage(),
        c.agentThoughts(),
        c.conversations(),
        c.messages());
  }
}
