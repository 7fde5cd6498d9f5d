package dev.shortlease.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;

/**
 * How long one statement may run, and how long it may wait for a row or table lock, on every pooled
 * connection (milliseconds; 0 = no limit). Without them a lock held elsewhere — a console session
 * left open, a stuck migration — pins each connection that waits for it, and in time the whole
 * pool. A statement or lock that times out fails as {@code StorageUnavailableException} (503, see
 * {@link TransientFailures}), so a start changes nothing and a final save retries.
 *
 * <p>PostgreSQL gets them as the driver's startup {@code options} ({@code -c statement_timeout=… -c
 * lock_timeout=…}): set when the session starts, outside any transaction, so no rollback can undo
 * them; an {@code options} parameter in {@code DATABASE_URL} itself takes precedence. H2 has its
 * own session settings ({@code SET QUERY_TIMEOUT}, {@code SET LOCK_TIMEOUT}), run once per new
 * connection; they are not transactional there. Behind PgBouncer's transaction mode, which refuses
 * startup options, each transaction sets them for itself ({@link TransactionLocalSettings}). Flyway
 * migrates over its own connections, without these limits.
 *
 * @param statementMillis a statement running longer is cancelled (PostgreSQL SQLState 57014)
 * @param lockMillis a statement waiting longer for a lock fails (PostgreSQL 55P03, H2 HYT00)
 */
public record StatementTimeouts(long statementMillis, long lockMillis) {
  /**
   * Every statement here is an indexed read or a one-row write taking milliseconds, and locks are
   * held only for such short transactions: 30 s leaves room for a cold or overloaded database; a
   * lock not granted in 5 s is held by something abnormal, and the caller is better told so.
   */
  public static final StatementTimeouts DEFAULTS = new StatementTimeouts(30_000, 5_000);

  // Room for the reply to a cancelled statement, or a queue in PgBouncer, to arrive.
  private static final long SILENCE_MARGIN_MILLIS = 5_000;

  public StatementTimeouts {
    requireMillis(statementMillis, "statementMillis");
    requireMillis(lockMillis, "lockMillis");
  }

  /** Applies the limits to every connection {@code config} opens to {@code jdbcUrl}. */
  void applyTo(HikariConfig config, String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      config.addDataSourceProperty(
          "options",
          "-c statement_timeout=%d -c lock_timeout=%d".formatted(statementMillis, lockMillis));
    } else if (jdbcUrl.startsWith("jdbc:h2:")) {
      // H2 reads a lock timeout of 0 as "fail at once", not "no limit".
      long lock = lockMillis == 0 ? Integer.MAX_VALUE : lockMillis;
      config.setConnectionInitSql(
          "SET QUERY_TIMEOUT %d; SET LOCK_TIMEOUT %d".formatted(statementMillis, lock));
    }
  }

  /**
   * pgjdbc's {@code socketTimeout} in seconds (0 = wait forever): how long the driver waits for a
   * reply before it drops the connection (SQLState 08006, transient). Past the statement timeout
   * the server has answered, cancelled or gone: a partition or a host lost without closing its
   * sockets would otherwise pin the connection and its caller forever. {@code socketTimeout} in
   * {@code DATABASE_URL} takes precedence.
   */
  int socketTimeoutSeconds() {
    long bound = statementMillis + SILENCE_MARGIN_MILLIS;
    return statementMillis == 0 ? 0 : (int) ((bound + 999) / 1_000);
  }

  /** Both databases take an {@code int} of milliseconds. */
  private static void requireMillis(long millis, String name) {
    if (millis < 0 || millis > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be within 0 (off)..2147483647");
    }
  }
}
