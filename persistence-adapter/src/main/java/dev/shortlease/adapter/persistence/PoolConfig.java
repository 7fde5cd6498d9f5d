package dev.shortlease.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * HikariCP's pool as {@link PersistenceSettings} ask for it: its configuration, and where the
 * timeouts and the schema go — into each session directly, or into each transaction behind a
 * transaction-mode pooler ({@link #sessionFree}).
 */
final class PoolConfig {
  /**
   * What PostgreSQL's {@code pg_stat_activity} shows as the pool's {@code application_name}, so an
   * operator can count the service's backends; an {@code ApplicationName} in the URL wins.
   */
  static final String APPLICATION_NAME = "shortlease";

  private static final AtomicInteger POOLS = new AtomicInteger();

  private PoolConfig() {}

  /** A new pool's configuration, named {@code shortlease-<n>}, its metrics going to registry. */
  static HikariConfig of(PersistenceSettings s, MeterRegistry registry) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("shortlease-" + POOLS.incrementAndGet());
    config.setJdbcUrl(s.jdbcUrl());
    config.setUsername(s.user());
    config.setPassword(s.password());
    config.setMaximumPoolSize(s.poolSize());
    config.setConnectionTimeout(s.connectionTimeoutMillis());
    config.setValidationTimeout(Math.min(1_000, s.connectionTimeoutMillis()));
    // Off: the tracker's long-hold sweep does its job without a stack per checkout (ADR 0037).
    config.setLeakDetectionThreshold(0);
    config.setMaxLifetime(s.maxLifetimeMillis());
    config.setAutoCommit(false); // Hibernate is told so, and skips a setAutoCommit round trip
    if (s.jdbcUrl().startsWith("jdbc:postgresql:")) {
      // A driver property: pgjdbc lets the URL's own parameters override it.
      config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
      if (s.timeouts().socketTimeoutSeconds() > 0) {
        config.addDataSourceProperty(
            "socketTimeout", String.valueOf(s.timeouts().socketTimeoutSeconds()));
      }
    }
    if (s.pooler().transactionPooling()) {
      // Unnamed statements only: PgBouncer < 1.21 would hand "S_1" to another client's session.
      // Timeouts and schema go into each transaction instead (sessionFree).
      config.addDataSourceProperty("prepareThreshold", "0");
    } else {
      s.timeouts().applyTo(config, s.jdbcUrl());
      if (s.schema() != null) {
        config.setSchema(s.schema());
      }
    }
    config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    return config;
  }

  /**
   * The pool as it is, or, behind a transaction-mode pooler, with the timeouts and the schema set
   * inside every transaction (a session setting would outlive it on a shared server connection).
   */
  static DataSource sessionFree(HikariDataSource pool, PersistenceSettings s) {
    return s.pooler().transactionPooling()
        ? TransactionLocalSettings.wrap(pool, s.timeouts(), s.schema())
        : pool;
  }
}
