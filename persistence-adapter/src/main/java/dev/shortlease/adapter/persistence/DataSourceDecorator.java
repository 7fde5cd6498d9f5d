package dev.shortlease.adapter.persistence;

import javax.sql.DataSource;

/**
 * Extension point of the persistence adapter: wraps the DataSource that Hibernate uses (the pool,
 * already wrapped by the {@link dev.shortlease.guardrails.guard.ConnectionTracker}). The service
 * uses {@link #NONE}; a composition may pass another to {@link
 * PersistenceContext#start(PersistenceSettings, io.micrometer.core.instrument.MeterRegistry,
 * DataSourceDecorator)}, e.g. for tracing, or the benchmark's held-session teaching variant.
 */
@FunctionalInterface
public interface DataSourceDecorator {

  /** Leaves the DataSource as it is. */
  DataSourceDecorator NONE = dataSource -> dataSource;

  DataSource decorate(DataSource tracked);

  /**
   * True when the decorated DataSource chooses a connection by the calling thread (a request's held
   * session): then every unit of work runs on its caller's thread, not on the database workers.
   */
  default boolean picksConnectionByCallingThread() {
    return false;
  }
}
