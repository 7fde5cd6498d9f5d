package dev.shortlease.application.port.in;

import dev.shortlease.application.port.out.PoolSnapshot;

/** Use case (operations): see the connection pool, and whether the database is ready. */
public interface InspectPoolUseCase {
  PoolSnapshot snapshot();

  boolean databaseReady();
}
