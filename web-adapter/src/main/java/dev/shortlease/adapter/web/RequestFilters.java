package dev.shortlease.adapter.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Supplier;
import org.eclipse.jetty.server.ServerConnector;

/**
 * What runs around every handler, in this order: the request ID and {@code nosniff}, the observer,
 * the management port split, CORS, a new chat's refusal while draining, in-flight counting, NUL
 * refusal and an admin call's refusal while draining; after it, the count, the observer's end and
 * an unread body's discard.
 */
final class RequestFilters {
  private final CorsPolicy cors;
  private final Draining draining;
  private final RequestObserver observer; // null: nobody watches
  private final Supplier<ServerConnector> managementConnector; // null: shares the public port

  RequestFilters(
      CorsPolicy cors,
      Draining draining,
      RequestObserver observer,
      Supplier<ServerConnector> managementConnector) {
    this.cors = cors;
    this.draining = draining;
    this.observer = observer;
    this.managementConnector = managementConnector;
  }

  void addTo(RoutesConfig routes) {
    routes.before(RequestIds::assign);
    // Answers echo client text (queries, names, uploads): a browser must take the declared type.
    routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
    if (observer != null) {
      routes.before(observer::started);
    }
    // management port: with one set apart, each port serves only its own routes
    routes.before("/admin/*", ctx -> requirePort(ctx, true));
    routes.before("/metrics", ctx -> requirePort(ctx, true));
    routes.before("/dashboard*", ctx -> requirePort(ctx, true));
    routes.before("/v1/*", ctx -> requirePort(ctx, false));

    // CORS (issue 15): Dify's service API answers browsers; the admin API does not need to.
    routes.before("/v1/*", cors::decorate);
    routes.before("/v1", cors::decorate); // the index without its slash, as a base URL is written
    routes.before("/v1/chat-messages", draining::refuseWhileDraining);
    routes.before("/v1/completion-messages", draining::refuseWhileDraining);
    routes.before("/v1/*", draining::countIn);
    routes.before(UnstorableText::refuseInQuery);
    routes.after("/v1/*", draining::countOut);
    if (observer != null) {
      routes.after(observer::ended);
    }
    routes.after(new UnreadBody(UnreadBody.BUDGET)::discardAfterError);
    routes.before("/admin/*", draining::refuseWhileDraining);
  }

  private void requirePort(Context ctx, boolean management) {
    ServerConnector connector = managementConnector.get();
    if (connector != null && (ctx.req().getLocalPort() == connector.getLocalPort()) != management) {
      throw new ApiException(ApiError.notFound("The requested URL was not found on the server."));
    }
  }
}
