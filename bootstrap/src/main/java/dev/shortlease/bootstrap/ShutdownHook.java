package dev.shortlease.bootstrap;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM shutdown hook's work, registered before the server starts so that no SIGTERM misses the
 * graceful stop. A stop that comes during the start waits for it, within the grace: a start that
 * gets that far is stopped gracefully in what is left of the grace, so the whole stop still fits
 * it; one that fails has closed what it opened; one still running after the grace has not listened
 * yet, so no chat is lost with it (ADR 0058).
 */
final class ShutdownHook implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ShutdownHook.class);

  /** Stops a started server gracefully within the time given. */
  interface Stop {
    void within(Duration grace);
  }

  private final Duration grace;
  private final CompletableFuture<Optional<Stop>> start = new CompletableFuture<>();

  ShutdownHook(Duration grace) {
    this.grace = grace;
  }

  void started(ShortleaseServer server) {
    started(server::close);
  }

  void started(Stop stop) {
    start.complete(Optional.of(stop));
  }

  void startFailed() {
    start.complete(Optional.empty());
  }

  @Override
  public void run() {
    long signalled = System.nanoTime();
    boolean startedBefore = start.isDone();
    Optional<Stop> server;
    try {
      server = start.get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn(
          "shutdown: the start did not end within {} ms; exiting without it", grace.toMillis());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (ExecutionException e) {
      return; // not completed exceptionally: a failed start completes empty
    }
    Duration left =
        startedBefore
            ? grace
            : grace.minusNanos(System.nanoTime() - signalled).truncatedTo(ChronoUnit.MILLIS);
    if (left.isPositive()) {
      server.ifPresent(stop -> stop.within(left));
    }
  }
}
