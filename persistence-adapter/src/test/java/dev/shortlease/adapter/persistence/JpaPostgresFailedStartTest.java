package dev.shortlease.adapter.persistence;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

@PostgresTest
class JpaPostgresFailedStartTest extends FailedStartContract {
  private final String name = "failed-start-" + UUID.randomUUID();

  @Override
  PersistenceSettings database() {
    PersistenceSettings shared = PostgresTestDatabase.settings();
    // Named, so that the count below sees this start's connections only.
    return PersistenceSettings.of(
            shared.jdbcUrl() + "&ApplicationName=" + name, shared.user(), shared.password())
        .withSchema(shared.schema());
  }

  @Override
  int openConnections(PersistenceSettings settings) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        PreparedStatement statement =
            connection.prepareStatement(
                "select count(*) from pg_stat_activity"
                    + " where application_name = ? and pid <> pg_backend_pid()")) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
