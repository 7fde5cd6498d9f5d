package dev.shortlease.adapter.persistence;

import dev.shortlease.adapter.persistence.testing.PostgresTest;

@PostgresTest
class JpaPostgresAnnotationStorageTest extends AnnotationStorageContract {
  @Override
  protected PersistenceContext context() {
    return SharedContexts.postgres();
  }
}
