package dev.shortlease.adapter.persistence;

import java.util.List;
import java.util.Locale;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder.SingleQueryExecution;

/** Test support: the SQL of every statement, lower-cased, for tests that check what was sent. */
final class SqlText {
  private SqlText() {}

  /** A datasource-proxy listener that adds each statement's SQL to {@code statements}. */
  static SingleQueryExecution into(List<String> statements) {
    return (execution, queries) ->
        queries.forEach(query -> statements.add(query.getQuery().toLowerCase(Locale.ROOT)));
  }
}
