package dev.shortlease.bootstrap;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM shutdown hook's work, registered before the server starts so that no SIGTERM misses the
 * graceful stop. A stop that comes during the start waits for it, at most {@code startWait}: a
 * start that gets that far is stopped gracefully; one that fails has closed what it opened; one
 * still running after the wait has not listened yet, so no chat is lost with it (ADR 0058).
 */
final class ShutdownHook implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ShutdownHook.class);

  private final Duration startWait;
  private final CompletableFuture<Optional<ShortleaseServer>> start = new CompletableFuture<>();

  ShutdownHook(Duration startWait) {
    this.startWait = startWait;
  }

  void started(ShortleaseServer server) {
    start.complete(Optional.of(server));
  }

  void startFailed() {
    start.complete(Optional.empty());
  }

  @Override
  public void run() {
    Optional<ShortleaseServer> server;
    try {
      server = start.get(startWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn(
          "shutdown: the start did not end within {} ms; exiting without it", startWait.toMillis());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (ExecutionException e) {
      return; // not completed exceptionally: a failed start completes empty
    }
    server.ifPresent(ShortleaseServer::close);
  }
}
