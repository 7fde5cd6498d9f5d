package dev.shortlease.application.port.in;

import dev.shortlease.application.port.out.PoolSnapshot;

/** Use case (operations): see the connection pool, and whether the database is ready. */
public interface InspectPoolUseCase {
  PoolSnapshot snapshot();

  /**
   * Whether the database answered the last background probe, recently enough; borrows no
   * connection, so any number of readiness checks cost the pool nothing.
   */
  boolean databaseReady();

  /** Checks the database now on a pooled connection (the background probe calls this). */
  void probeDatabase();
}
