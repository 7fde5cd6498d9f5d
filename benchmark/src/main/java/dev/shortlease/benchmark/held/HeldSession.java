package dev.shortlease.benchmark.held;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Teaching variant (benchmark only): the one pooled connection a request holds from its first
 * statement until its last event — the open-session-in-view / Flask-SQLAlchemy shape.
 */
final class HeldSession {

  private final Connection connection;
  private final AtomicBoolean released = new AtomicBoolean();

  HeldSession(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    return connection;
  }

  boolean isReleased() {
    return released.get();
  }

  /** Gives the connection back to the pool, once, however many paths ask. */
  void release() {
    if (released.compareAndSet(false, true)) {
      try {
        connection.close();
      } catch (SQLException e) {
        // the pool evicts a broken connection by itself
      }
    }
  }
}
