package dev.shortlease.adapter.web;

import io.javalin.http.Context;
import java.util.Map;

/** Web adapter: writes JSON answers and errors the same way everywhere. */
final class Responses {
  static final Map<String, String> SUCCESS = Map.of("result", "success");

  private Responses() {}

  static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(Json.write(body));
  }

  static void ok(Context ctx, Object body) {
    json(ctx, 200, body);
  }

  static void error(Context ctx, ApiError error) {
    if (error.status() == 503 || "too_many_requests".equals(error.code())) {
      ctx.header("Retry-After", ErrorMapping.RETRY_AFTER_SECONDS);
    }
    if (error.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"api\""); // as api/libs/external_api.py
    }
    json(ctx, error.status(), error);
  }
}
