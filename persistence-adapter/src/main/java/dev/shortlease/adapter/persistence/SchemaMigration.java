package dev.shortlease.adapter.persistence;

import org.flywaydb.core.Flyway;

/**
 * Flyway, which owns the schema: it migrates before Hibernate starts, and Hibernate only checks
 * that the entities match ({@link HibernateBootstrap}).
 */
final class SchemaMigration {
  private SchemaMigration() {}

  /**
   * Migrates over its own connections: Flyway needs two at once, which a pool of one lacks; behind
   * PgBouncer they go straight to PostgreSQL (its lock and search_path are session state).
   */
  static void migrate(PersistenceSettings s) {
    var flyway =
        Flyway.configure()
            .dataSource(s.pooler().migrationUrl(s.jdbcUrl()), s.user(), s.password())
            .locations("classpath:db/migration");
    if (s.schema() != null) {
      flyway.schemas(s.schema()).defaultSchema(s.schema()).createSchemas(true);
    }
    flyway.load().migrate();
  }
}
