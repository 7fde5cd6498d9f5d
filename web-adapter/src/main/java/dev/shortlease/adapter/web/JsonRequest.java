package dev.shortlease.adapter.web;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * Web adapter: the body of a route that takes JSON. Dify reads each with Flask's {@code
 * request.get_json()}, which refuses a body not declared JSON with 415 before it parses anything
 * (werkzeug 2.3+, api/controllers/service_api/wraps.py); so does this, then {@link JsonBody} reads
 * it. A client that works here therefore works against Dify. The admin routes, which are this
 * service's own, follow the same rule, so no route guesses at a body's type.
 */
final class JsonRequest {
  private JsonRequest() {}

  static JsonBody read(Context ctx, int maxBytes) {
    requireJson(ctx);
    return JsonBody.read(ctx, maxBytes);
  }

  /** Like {@link #read}, but an empty body (declared JSON) counts as {@code {}}. */
  static JsonBody readOrEmpty(Context ctx, int maxBytes) {
    requireJson(ctx);
    return JsonBody.readOrEmpty(ctx, maxBytes);
  }

  private static void requireJson(Context ctx) {
    if (!isJson(ctx.header("Content-Type"))) {
      throw new ApiException(ApiError.unsupportedMediaType());
    }
  }

  /**
   * werkzeug's {@code is_json}: {@code application/json} or {@code application/*+json}, in any case
   * and with any parameters ({@code charset=utf-8}).
   */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.equals("application/json")
        || (type.startsWith("application/") && type.endsWith("+json"));
  }
}
