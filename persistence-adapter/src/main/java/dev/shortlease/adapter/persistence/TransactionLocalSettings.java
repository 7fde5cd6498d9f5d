package dev.shortlease.adapter.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Persistence adapter, behind PgBouncer's transaction mode: starts every borrowed connection's
 * transaction with the settings a direct connection gets once per session — statement and lock
 * timeouts, and the schema when one is set — as {@code set_config(…, true)} ({@code SET LOCAL}),
 * which ends with the transaction. A session setting would stay on whichever server connection
 * PgBouncer lent, and leak to the next client there; a startup {@code options} parameter PgBouncer
 * refuses outright.
 *
 * <p>One statement, one round trip per transaction. Autocommit is off, so it opens the transaction
 * the caller then runs; each borrow is one transaction (Hibernate releases the connection after
 * commit or rollback). A caller that committed twice on one borrow would run its second transaction
 * under the server's defaults.
 */
final class TransactionLocalSettings implements DataSource {
  private final DataSource pool;
  private final String sql;

  private TransactionLocalSettings(DataSource pool, String sql) {
    this.pool = pool;
    this.sql = sql;
  }

  /** {@code pool} whose connections come with {@code timeouts} and {@code schema} (may be null). */
  static DataSource wrap(DataSource pool, StatementTimeouts timeouts, String schema) {
    return new TransactionLocalSettings(pool, sql(timeouts, schema));
  }

  /** The one statement; values are validated integers and a plain identifier, no user text. */
  static String sql(StatementTimeouts timeouts, String schema) {
    StringBuilder sql =
        new StringBuilder("select set_config('statement_timeout', '")
            .append(timeouts.statementMillis())
            .append("', true), set_config('lock_timeout', '")
            .append(timeouts.lockMillis())
            .append("', true)");
    if (schema != null) {
      sql.append(", set_config('search_path', '").append(schema).append("', true)");
    }
    return sql.toString();
  }

  @Override
  public Connection getConnection() throws SQLException {
    return prepared(pool.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return prepared(pool.getConnection(username, password));
  }

  private Connection prepared(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
      return connection;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || pool.isWrapperFor(type);
  }
}
