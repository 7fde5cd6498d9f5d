package dev.shortlease.application.ops;

import dev.shortlease.application.chat.RunRegistry;
import dev.shortlease.application.port.in.ShutdownUseCase;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Use case (operations): graceful shutdown. Stops every run (each saves its text so far as {@code
 * stopped} in its own T4) and waits for them; the composition root calls this before it closes the
 * pool, so those last writes still find a connection.
 */
public final class ShutdownService implements ShutdownUseCase {
  private final RunRegistry registry;

  @Inject
  public ShutdownService(RunRegistry registry) {
    this.registry = registry;
  }

  @Override
  public int stopAll() {
    return registry.stopAll();
  }

  @Override
  public boolean awaitAllEnded(Duration timeout) throws InterruptedException {
    return registry.awaitAllEnded(timeout);
  }
}
