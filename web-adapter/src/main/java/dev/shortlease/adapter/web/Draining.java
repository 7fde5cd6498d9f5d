package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.ShuttingDownException;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A graceful stop's part in the HTTP layer: once begun, new chats and admin calls are refused; the
 * {@code /v1} requests being served are counted, so the stop can wait for the last stream to end.
 */
final class Draining {
  private static final String IN_FLIGHT = "shortlease.inFlight";

  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();

  void begin() {
    draining.set(true);
  }

  boolean isDraining() {
    return draining.get();
  }

  /** Waits until no counted request is being served, or {@code timeout} passes; true when idle. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (inFlight.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  /** Answered as {@link ShuttingDownException} is wherever it comes from (see the handler). */
  void refuseWhileDraining(Context ctx) {
    if (draining.get()) {
      throw new ShuttingDownException();
    }
  }

  void countIn(Context ctx) {
    inFlight.incrementAndGet();
    ctx.attribute(IN_FLIGHT, Boolean.TRUE);
  }

  /** Only a request {@link #countIn} counted: one refused before it was counted is not. */
  void countOut(Context ctx) {
    if (ctx.attribute(IN_FLIGHT) != null) {
      inFlight.decrementAndGet();
    }
  }
}
