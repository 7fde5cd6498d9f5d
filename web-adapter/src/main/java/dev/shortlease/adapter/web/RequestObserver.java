package dev.shortlease.adapter.web;

import io.javalin.http.Context;

/**
 * Web adapter: told when each request starts and ends, on the request's own thread, around every
 * other handler (the composition root traces requests through it; see {@link
 * HttpApi#observeRequests}). An event stream is written inside the request, so its end is the
 * stream's end.
 */
public interface RequestObserver {
  /** Before any other handler. */
  void started(Context ctx);

  /** After every handler, exception and error mapping included: the status is final. */
  void ended(Context ctx);

  /**
   * The request's correlation ID, as answered in {@code X-Request-Id} and written in its log lines
   * (assigned before {@link #started}): an observer's record of the request can carry it too.
   */
  static String requestId(Context ctx) {
    return RequestIds.of(ctx);
  }
}
