package dev.shortlease.application.port.out;

/** Outbound port: the state of the database connection pool, and whether the database answers. */
public interface PoolMonitorPort {

  PoolSnapshot snapshot();

  /** True when a connection can be had and the database answers a trivial query. */
  boolean databaseReady();
}
