package dev.shortlease.adapter.persistence;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;

/**
 * Test support: ages a row by the database's own clock — {@code column = current_timestamp -
 * interval 'n' second}, written the same on H2 and PostgreSQL — so what a test sets up is old or
 * new for the database, whatever the JVM's clock says. The interval is a literal here, not the
 * adapters' bound arithmetic, so a test does not share the code it checks.
 */
final class DatabaseTime {
  private DatabaseTime() {}

  /** Sets {@code table.column} of the row {@code id} to the database's now minus {@code age}. */
  static void setAgo(
      PersistenceContext context, String table, String column, UUID id, Duration age) {
    if (age.isNegative() || age.getNano() != 0) {
      throw new IllegalArgumentException("whole seconds, not negative: " + age);
    }
    String sql =
        "update "
            + table
            + " set "
            + column
            + " = current_timestamp - interval '"
            + age.toSeconds()
            + "' second where id = ?";
    int updated =
        context
            .sessionScope()
            .callStateless(
                session ->
                    session.doReturningWork(
                        connection -> {
                          try (PreparedStatement update = connection.prepareStatement(sql)) {
                            update.setObject(1, id);
                            return update.executeUpdate();
                          }
                        }));
    if (updated != 1) {
      throw new IllegalStateException("no row " + id + " in " + table);
    }
  }
}
