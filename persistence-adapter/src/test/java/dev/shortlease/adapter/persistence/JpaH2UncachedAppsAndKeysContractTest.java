package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.port.contract.AppsAndKeysContract;
import dev.shortlease.domain.port.contract.PortSet;
import org.junit.jupiter.api.BeforeEach;

/** The contract on the adapter alone ({@code APP_CACHE_TTL_MS=0}). */
class JpaH2UncachedAppsAndKeysContractTest extends AppsAndKeysContract {
  private PortSet ports;

  @BeforeEach
  void connect() {
    ports = SharedContexts.uncachedPorts(SharedContexts.h2());
  }

  @Override
  protected PortSet ports() {
    return ports;
  }
}
