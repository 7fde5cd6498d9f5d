package dev.shortlease.adapter.persistence;

import dev.shortlease.adapter.persistence.testing.H2TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

class JpaH2FailedStartTest extends FailedStartContract {
  @Override
  PersistenceSettings database() {
    return H2TestDatabase.newDatabase(); // a database of its own: its sessions are the pool's
  }

  @Override
  int openConnections(PersistenceSettings settings) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select count(*) from information_schema.sessions"
                    + " where session_id <> session_id()")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
