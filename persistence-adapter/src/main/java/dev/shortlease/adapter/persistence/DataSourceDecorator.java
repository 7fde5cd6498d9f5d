package dev.shortlease.adapter.persistence;

import javax.sql.DataSource;

/**
 * Extension point of the persistence adapter: wraps the DataSource that Hibernate uses (the pool,
 * already wrapped by the {@link dev.shortlease.adapter.persistence.tracking.ConnectionTracker}).
 * Unbound in production; a composition can bind one through Guice's {@code OptionalBinder}, e.g.
 * for tracing or, in the benchmark, for its held-session teaching variant.
 */
@FunctionalInterface
public interface DataSourceDecorator {

  /** Leaves the DataSource as it is. */
  DataSourceDecorator NONE = dataSource -> dataSource;

  DataSource decorate(DataSource tracked);
}
