package dev.shortlease.adapter.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;

/**
 * Which database failures are worth retrying: the connection was lost or refused (SQLState class
 * {@code 08}), the server is shutting down or restarting ({@code 57P01}, {@code 57P02}, {@code
 * 57P03}), a serialization failure or deadlock ({@code 40001}, {@code 40P01}), or HikariCP gave no
 * connection within the acquire timeout ({@link SQLTransientConnectionException}), or a statement
 * ran past its statement or lock timeout ({@code 57014}, {@code 55P03}; H2's lock timeout is {@code
 * HYT00}; see {@link StatementTimeouts}). The whole cause chain is walked: Hibernate wraps the
 * driver's exception once or twice.
 */
final class TransientFailures {
  private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01");
  private static final Set<String> TIMEOUTS = Set.of("57014", "55P03", "HYT00");

  private static final String NO_CONNECTION = "no database connection within the acquire timeout";

  private TransientFailures() {}

  /** Why {@code failure} is transient, or empty when retrying would not help. */
  static Optional<String> reason(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return Optional.of(NO_CONNECTION);
      }
      if (t instanceof SQLException sql && isTimeout(sql.getSQLState())) {
        return Optional.of(
            "statement or lock timeout (SQLState " + sql.getSQLState() + "): the database is busy");
      }
      if (t instanceof SQLException sql && isTransient(sql.getSQLState())) {
        return Optional.of("database unavailable (SQLState " + sql.getSQLState() + ")");
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  /**
   * True when {@code failure} is the pool's acquire timeout: no connection was lent, nothing ran.
   */
  static boolean noConnection(Throwable failure) {
    return reason(failure).filter(NO_CONNECTION::equals).isPresent();
  }

  /** We cancel no statement ourselves: a cancel is the statement timeout. */
  static boolean isTimeout(String sqlState) {
    return sqlState != null && TIMEOUTS.contains(sqlState);
  }

  static boolean isTransient(String sqlState) {
    return sqlState != null && (sqlState.startsWith("08") || STATES.contains(sqlState));
  }
}
