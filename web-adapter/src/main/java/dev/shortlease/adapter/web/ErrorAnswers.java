package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.ShuttingDownException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Every error answered in Dify's JSON shape: exceptions, and Javalin's own 404 and 405. */
final class ErrorAnswers {
  private ErrorAnswers() {}

  static void addTo(RoutesConfig routes) {
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          if (e instanceof ShuttingDownException) {
            ctx.header("Connection", "close"); // send it again elsewhere, not on this connection
          }
          Responses.error(ctx, ErrorMapping.of(e, RequestIds.of(ctx)));
        });
    // Our own errors are in Dify's shape already (Responses marks them); Javalin's "endpoint not
    // found" and "method not allowed" are plain text or its problem JSON, depending on Accept.
    routes.error(404, "*", ctx -> jsonUnlessAnswered(ctx, ApiError.unknownRoute()));
    routes.error(405, "*", ctx -> jsonUnlessAnswered(ctx, ApiError.methodNotAllowed()));
  }

  private static void jsonUnlessAnswered(Context ctx, ApiError error) {
    // Javalin answers a client that accepts JSON with its own problem JSON: replace that too.
    if (!Responses.ownErrorWritten(ctx)) {
      Responses.error(ctx, error);
    }
  }
}
