package dev.shortlease.benchmark.held;

import dev.shortlease.adapter.persistence.DataSourceDecorator;
import dev.shortlease.domain.StorageUnavailableException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Teaching variant (benchmark only): the DataSource Hibernate sees in held mode. Inside a request
 * that holds a session, every transaction runs on that request's one connection (as with a
 * request-scoped session); elsewhere it borrows from the pool as usual. Both come from the same
 * pool, the one the service's own transactions use.
 */
final class HeldSessionDataSource implements DataSource, DataSourceDecorator {

  private volatile DataSource pool;

  @Override
  public DataSource decorate(DataSource tracked) {
    this.pool = Objects.requireNonNull(tracked, "tracked");
    return this;
  }

  /** The request's held connection is found through the calling thread. */
  @Override
  public boolean picksConnectionByCallingThread() {
    return true;
  }

  /** Borrows the request's connection; a pool timeout is the service's usual 503. */
  HeldSession open() {
    try {
      return new HeldSession(pool().getConnection());
    } catch (SQLTransientConnectionException e) {
      throw new StorageUnavailableException("no database connection within the acquire timeout", e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the held session", e);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection held = RequestSessions.heldConnectionOrNull();
    return held != null ? held : pool().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  private DataSource pool() {
    DataSource current = pool;
    if (current == null) {
      throw new IllegalStateException("the persistence context has not started");
    }
    return current;
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool().getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool().setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool().setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool().getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return Logger.getLogger("dev.shortlease.benchmark.held");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : pool().unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || pool().isWrapperFor(type);
  }
}
