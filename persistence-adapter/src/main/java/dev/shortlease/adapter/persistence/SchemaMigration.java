package dev.shortlease.adapter.persistence;

import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway, which owns the schema: it migrates before Hibernate starts, and Hibernate only checks
 * that the entities match ({@link HibernateBootstrap}).
 */
final class SchemaMigration {
  /**
   * What {@code pg_stat_activity} shows for Flyway's connections: not the pool's name, because
   * behind PgBouncer they go around it, and the operator's count of the pool's backends
   * (docs/sizing.md) would read them as a leak at every start; an {@code ApplicationName} in the
   * URL wins.
   */
  static final String APPLICATION_NAME = PoolConfig.APPLICATION_NAME + "-migration";

  private SchemaMigration() {}

  static void migrate(PersistenceSettings s) {
    configuration(s).load().migrate();
  }

  /**
   * Migrates over its own connections: Flyway needs two at once, which a pool of one lacks; behind
   * PgBouncer they go straight to PostgreSQL (its lock and search_path are session state).
   */
  static FluentConfiguration configuration(PersistenceSettings s) {
    var flyway =
        Flyway.configure()
            .dataSource(s.pooler().migrationUrl(s.jdbcUrl()), s.user(), s.password())
            .locations("classpath:db/migration");
    if (s.jdbcUrl().startsWith("jdbc:postgresql:")) {
      // A driver property, as the pool's: pgjdbc lets the URL's own parameters override it.
      flyway.jdbcProperties(Map.of("ApplicationName", APPLICATION_NAME));
    }
    if (s.schema() != null) {
      flyway.schemas(s.schema()).defaultSchema(s.schema()).createSchemas(true);
    }
    return flyway;
  }
}
