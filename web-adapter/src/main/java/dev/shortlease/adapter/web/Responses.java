package dev.shortlease.adapter.web;

import io.javalin.http.Context;
import java.util.Map;

/** Web adapter: writes JSON answers and errors the same way everywhere. */
final class Responses {
  static final Map<String, String> SUCCESS = Map.of("result", "success");

  /** Set on a request once one of our errors is written, so Javalin's own can be told apart. */
  private static final String OWN_ERROR = "shortlease.ownError";

  private Responses() {}

  static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(Json.write(body));
  }

  static void ok(Context ctx, Object body) {
    json(ctx, 200, body);
  }

  static void error(Context ctx, ApiError error) {
    // The default wait, unless the refusal already said how long (the auth throttle's window).
    if ((error.status() == 503 || "too_many_requests".equals(error.code()))
        && ctx.res().getHeader("Retry-After") == null) {
      ctx.header("Retry-After", ErrorMapping.RETRY_AFTER_SECONDS);
    }
    if (error.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"api\""); // as api/libs/external_api.py
    }
    ctx.attribute(OWN_ERROR, Boolean.TRUE);
    json(ctx, error.status(), error);
  }

  /** True when this request's answer is one of our errors (not Javalin's own 404/405 body). */
  static boolean ownErrorWritten(Context ctx) {
    return ctx.attribute(OWN_ERROR) != null;
  }
}
