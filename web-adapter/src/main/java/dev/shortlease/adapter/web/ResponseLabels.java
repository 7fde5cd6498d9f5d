package dev.shortlease.adapter.web;

import io.javalin.http.Context;
import java.util.Set;

/**
 * Tells a {@link ResponseObserver} of an answer by route and method: the route is the matched path
 * template and the method a known one, so a metric's series stay few.
 */
final class ResponseLabels {
  /**
   * Methods a metric names; any other token a client sends (HTTP allows any) is {@code OTHER}, or
   * each made-up method would add a series to the registry for as long as the process lives.
   */
  private static final Set<String> METRIC_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

  private ResponseLabels() {}

  static void report(Context ctx, ResponseObserver responses) {
    String route = "unmatched";
    try {
      var endpoint = ctx.endpoints().lastHttpEndpoint();
      if (endpoint != null && ctx.status().getCode() != 404) {
        route = endpoint.path;
      }
    } catch (RuntimeException e) {
      // no endpoint matched: keep "unmatched"
    }
    responses.answered(metricMethod(ctx.req().getMethod()), route, ctx.status().getCode());
  }

  static String metricMethod(String method) {
    return METRIC_METHODS.contains(method) ? method : "OTHER";
  }
}
