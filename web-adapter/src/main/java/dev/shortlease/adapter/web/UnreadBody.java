package dev.shortlease.adapter.web;

import io.javalin.http.Context;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.time.Duration;

/**
 * Web adapter: reads and discards what is left of a refused request's body before its error goes
 * out. A client that sends its whole body before it reads the answer (Python's {@code http.client},
 * so {@code requests} and Dify's Python SDK) otherwise gets a reset connection instead of the 413
 * or 401: the server closes with unread bytes in its socket. nginx in front of Dify does the same
 * ("lingering close").
 */
final class UnreadBody {
  /**
   * Reading stops here; a body still coming after it gets the reset, as behind nginx. A client that
   * stalls instead is bounded by the connector's idle timeout, as any slow body is.
   */
  static final Duration BUDGET = Duration.ofSeconds(10);

  private static final int CHUNK = 64 * 1024;

  private final long budgetNanos;

  UnreadBody(Duration budget) {
    this.budgetNanos = budget.toNanos();
  }

  /**
   * After an error: discards the rest of the body for at most the budget. Not for a client that
   * waits for {@code 100 Continue}: reading would ask it for the body it has not sent.
   */
  void discardAfterError(Context ctx) {
    if (ctx.status().getCode() < 400
        || "100-continue".equalsIgnoreCase(ctx.header("Expect"))
        || (ctx.req().getContentLengthLong() <= 0 && ctx.header("Transfer-Encoding") == null)) {
      return;
    }
    discard(ctx, System.nanoTime() + budgetNanos);
  }

  private static void discard(Context ctx, long deadlineNanos) {
    try {
      ServletInputStream in = ctx.req().getInputStream();
      if (in.isFinished()) {
        return; // read whole already, as most bodies of a 400 are
      }
      byte[] chunk = new byte[CHUNK];
      while (System.nanoTime() - deadlineNanos < 0 && in.read(chunk) >= 0) {
        // discard
      }
    } catch (IOException | RuntimeException e) {
      // The client went away, or the body was taken another way (a reader, multipart parts):
      // nothing is left to read.
    }
  }
}
