package dev.shortlease.adapter.persistence;

import java.util.List;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder.SingleQueryExecution;

/** Test support: every value a statement bound, for tests that check what reaches the driver. */
final class BoundValues {
  private BoundValues() {}

  /** A datasource-proxy listener that adds each bound value (not its index) to {@code bound}. */
  static SingleQueryExecution into(List<Object> bound) {
    return (execution, queries) ->
        queries.forEach(
            query ->
                query
                    .getParametersList()
                    .forEach(
                        set ->
                            set.forEach(
                                operation -> {
                                  Object[] args = operation.getArgs();
                                  if (args.length > 1) {
                                    bound.add(args[1]);
                                  }
                                })));
  }
}
