package dev.shortlease.adapter.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Prepared JDBC statements on a session's own connection, for the statements a chat runs every time
 * (T2, T4). Hibernate's per-query work — a query object, its parameter bindings, result processing
 * — cost several times the CPU of the round trip it wraps there (ADR 0036); the session still owns
 * the connection and the transaction, and the guard still sees every lease.
 */
final class PreparedSql {
  /** One row of a result, read while its statement is open. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  private PreparedSql() {}

  /** Executes {@code sql} with {@code params} bound in order; the count of rows changed. */
  static int update(Connection connection, String sql, Object... params) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, params);
      return statement.executeUpdate();
    }
  }

  /** The first row of {@code sql}'s result, if there is one. */
  static <T> Optional<T> first(Connection connection, String sql, Row<T> row, Object... params)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, params);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() ? Optional.of(row.read(result)) : Optional.empty();
      }
    }
  }

  private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      statement.setObject(i + 1, params[i]);
    }
  }
}
