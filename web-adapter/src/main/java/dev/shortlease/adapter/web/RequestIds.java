package dev.shortlease.adapter.web;

import io.javalin.http.Context;
import java.util.UUID;

/**
 * Web adapter: every request's correlation ID, answered in {@code X-Request-Id}. Clients get fixed
 * error messages; the log line with the details carries this ID, so a client's report finds it.
 */
final class RequestIds {
  static final String HEADER = "X-Request-Id";
  private static final String ATTRIBUTE = "shortlease.requestId";

  private RequestIds() {}

  /** Before every request: a fresh ID, in the answer's headers from the start (streams too). */
  static void assign(Context ctx) {
    String id = UUID.randomUUID().toString();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
  }

  static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    return id == null ? "-" : id;
  }
}
