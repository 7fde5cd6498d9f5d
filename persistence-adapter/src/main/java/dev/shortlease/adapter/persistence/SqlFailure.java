package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.DomainException;
import java.sql.SQLException;

/**
 * Persistence adapter: a database failure that is neither transient nor yet answered, said in one
 * line with its SQLState and the database's message. Hibernate does not log SQL errors here ({@link
 * HibernateBootstrap}): an adapter may still answer this one (a foreign key refusing an app deleted
 * meanwhile is "not found"), and whoever logs it otherwise logs it once, with this text.
 */
final class SqlFailure extends RuntimeException {
  private SqlFailure(SQLException sql, RuntimeException failure) {
    super("SQLState " + sql.getSQLState() + ": " + sql.getMessage(), failure);
  }

  /** {@code failure}, described by the first SQL exception among its causes, if it has one. */
  static RuntimeException describing(RuntimeException failure) {
    if (failure instanceof SqlFailure || failure instanceof DomainException) {
      return failure;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return new SqlFailure(sql, failure);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return failure;
  }
}
