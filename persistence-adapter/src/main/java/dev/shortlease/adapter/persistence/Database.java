package dev.shortlease.adapter.persistence;

/**
 * What the pool's connections lead to, as far as the adapters' SQL cares. PostgreSQL takes the hot
 * path's writes as one statement each (data-modifying {@code WITH}); H2 does not, and runs them as
 * several statements in one transaction.
 */
enum Database {
  /** PostgreSQL over direct connections: a single statement may run in autocommit. */
  POSTGRESQL,
  /**
   * PostgreSQL behind a transaction-mode pooler: each borrow opens its transaction with the
   * settings a session would have ({@link TransactionLocalSettings}), so a statement must stay
   * inside it.
   */
  POSTGRESQL_POOLED,
  /** H2, or anything else: the portable SQL. */
  OTHER;

  static Database of(String jdbcUrl, boolean transactionPooling) {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      return OTHER;
    }
    return transactionPooling ? POSTGRESQL_POOLED : POSTGRESQL;
  }

  /** True for PostgreSQL, whichever way it is reached. */
  boolean isPostgresql() {
    return this != OTHER;
  }

  boolean autoCommitsOneStatement() {
    return this == POSTGRESQL;
  }
}
