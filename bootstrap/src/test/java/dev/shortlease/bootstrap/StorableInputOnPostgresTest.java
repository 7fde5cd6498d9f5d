package dev.shortlease.bootstrap;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import java.util.Map;

/** {@link StorableInputTest} on PostgreSQL, whose text types refuse NUL (H2 stores it). */
@PostgresTest
class StorableInputOnPostgresTest extends StorableInputTest {
  @Override
  Map<String, String> env() {
    Map<String, String> env = TestServers.env();
    env.put("DATABASE_URL", PostgresTestDatabase.settings().jdbcUrl());
    return env;
  }
}
