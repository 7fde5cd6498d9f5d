package dev.shortlease.adapter.persistence;

import dev.shortlease.adapter.persistence.testing.PostgresTest;

@PostgresTest
class JpaPostgresFilesAdapterTest extends FilesAdapterContract {
  @Override
  PersistenceContext context() {
    return SharedContexts.postgres();
  }
}
