package dev.shortlease.adapter.persistence;

import dev.shortlease.adapter.persistence.testing.PostgresTest;

@PostgresTest
class JpaPostgresQuietRefusalTest extends QuietRefusalContract {
  @Override
  protected PersistenceContext context() {
    return SharedContexts.postgres();
  }
}
