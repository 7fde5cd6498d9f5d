package dev.shortlease.bootstrap;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import java.util.Map;

/** {@link TiedTimesPagingTest} on PostgreSQL, whose UUIDs and timestamps order as H2's do. */
@PostgresTest
class TiedTimesPagingOnPostgresTest extends TiedTimesPagingTest {
  @Override
  Map<String, String> env() {
    Map<String, String> env = TestServers.env();
    env.put("DATABASE_URL", PostgresTestDatabase.settings().jdbcUrl());
    return env;
  }
}
