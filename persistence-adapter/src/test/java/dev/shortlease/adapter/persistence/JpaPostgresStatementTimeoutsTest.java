package dev.shortlease.adapter.persistence;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;

@PostgresTest
class JpaPostgresStatementTimeoutsTest extends StatementTimeoutsContract {
  @Override
  PersistenceSettings database() {
    return PostgresTestDatabase.settings();
  }

  @Override
  String slowStatement() {
    return "select pg_sleep(5)";
  }
}
