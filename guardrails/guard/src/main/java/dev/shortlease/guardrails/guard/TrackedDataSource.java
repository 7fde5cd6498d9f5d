package dev.shortlease.guardrails.guard;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source {@link ConnectionTracker#wrap} returns: every connection it hands out is recorded
 * as a lease until its {@link TrackedConnection#close()}. Plain delegation, no reflection: it runs
 * twice per transaction, on the hottest path of the service.
 */
final class TrackedDataSource implements DataSource {
  /** Where connections come from and go back to. */
  interface Leases {
    /** A new, filled {@link Throwable} when checkouts record their stacks now, else null. */
    Throwable site();

    /**
     * Records {@code pooled} as taken by the calling thread, acquired at {@code site} (null: not
     * recorded); returns what ends the lease.
     */
    Runnable taken(Throwable site, Connection pooled);
  }

  private final DataSource pooled;
  private final Leases leases;

  TrackedDataSource(DataSource pooled, Leases leases) {
    this.pooled = pooled;
    this.leases = leases;
  }

  // The acquiring stack, when recorded, is taken before the borrow: filling it is the dearest part
  // of the bookkeeping, and the connection should not wait for it.
  @Override
  public Connection getConnection() throws SQLException {
    Throwable site = leases.site();
    Connection connection = pooled.getConnection();
    return new TrackedConnection(connection, leases.taken(site, connection));
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    Throwable site = leases.site();
    Connection connection = pooled.getConnection(username, password);
    return new TrackedConnection(connection, leases.taken(site, connection));
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pooled.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pooled.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pooled.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pooled.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pooled.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : pooled.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || pooled.isWrapperFor(type);
  }
}
