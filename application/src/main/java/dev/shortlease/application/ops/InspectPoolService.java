package dev.shortlease.application.ops;

import dev.shortlease.application.port.in.InspectPoolUseCase;
import dev.shortlease.application.port.out.PoolMonitorPort;
import dev.shortlease.application.port.out.PoolSnapshot;
import jakarta.inject.Inject;

/** Use case (operations): the connection pool's state and the database's readiness (rule R6). */
public final class InspectPoolService implements InspectPoolUseCase {
  private final PoolMonitorPort pool;

  @Inject
  public InspectPoolService(PoolMonitorPort pool) {
    this.pool = pool;
  }

  @Override
  public PoolSnapshot snapshot() {
    return pool.snapshot();
  }

  @Override
  public boolean databaseReady() {
    return pool.databaseReady();
  }
}
