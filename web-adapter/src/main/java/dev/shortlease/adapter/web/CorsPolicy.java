package dev.shortlease.adapter.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Web adapter: CORS on {@code /v1}, as Dify wraps its Service API
 * (api/extensions/ext_blueprints.py: flask-cors with origins {@code *}, headers {@code
 * Content-Type}, {@code Authorization}, {@code X-App-Code}, methods GET PUT POST DELETE OPTIONS
 * PATCH). Like flask-cors, an allowed request origin is echoed back (with {@code Vary: Origin}) and
 * a request without one gets {@code *}; a preflight's requested headers are answered with those of
 * the three it asked for. Written here rather than with Javalin's CorsPlugin, which allows whatever
 * headers and method a preflight asks.
 */
final class CorsPolicy {
  private static final String ANY = "*";
  private static final List<String> ALLOWED_HEADERS =
      List.of("Content-Type", "Authorization", "X-App-Code");
  private static final String ALLOWED_METHODS = "DELETE, GET, OPTIONS, PATCH, POST, PUT";

  private final Set<String> origins;

  /**
   * {@code origins}: {@code *} or exact origins ({@code https://chat.example.com}); empty = off.
   */
  CorsPolicy(List<String> origins) {
    this.origins =
        origins.stream().map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  /**
   * Before every {@code /v1} request: the headers every answer carries, errors and streams too; an
   * {@code OPTIONS} request is answered here, for every path (as Flask answers it automatically).
   */
  void decorate(Context ctx) {
    allowOrigin(ctx);
    if (ctx.method() == HandlerType.OPTIONS) {
      preflight(ctx);
      ctx.skipRemainingHandlers();
    }
  }

  private void allowOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      if (origins.contains(ANY)) {
        ctx.header("Access-Control-Allow-Origin", ANY);
      }
      return;
    }
    if (origins.contains(ANY) || origins.contains(origin.toLowerCase(Locale.ROOT))) {
      ctx.header("Access-Control-Allow-Origin", origin);
      ctx.header("Vary", "Origin");
      ctx.header("Access-Control-Expose-Headers", RequestIds.HEADER);
    }
  }

  /**
   * 200, and for an allowed origin the allowed methods and the allowed ones of the headers asked.
   */
  private void preflight(Context ctx) {
    if (ctx.res().getHeader("Access-Control-Allow-Origin") != null
        && ctx.header("Access-Control-Request-Method") != null) {
      ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
      String asked = ctx.header("Access-Control-Request-Headers");
      if (asked != null) {
        String allowed = allowedOf(asked);
        if (!allowed.isEmpty()) {
          ctx.header("Access-Control-Allow-Headers", allowed);
        }
      }
    }
    ctx.header("Allow", ALLOWED_METHODS);
    ctx.status(200);
  }

  /** flask-cors's answer: the requested headers that match an allowed one, sorted, comma-joined. */
  private static String allowedOf(String asked) {
    return Arrays.stream(asked.split(","))
        .map(String::strip)
        .filter(h -> ALLOWED_HEADERS.stream().anyMatch(a -> a.equalsIgnoreCase(h)))
        .sorted()
        .collect(Collectors.joining(", "));
  }
}
