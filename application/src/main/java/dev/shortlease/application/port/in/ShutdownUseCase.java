package dev.shortlease.application.port.in;

import java.time.Duration;

/**
 * Use case (operations): end every running generation for a graceful shutdown. Each run is stopped
 * and saved as {@code stopped} with its text so far (rule R5) before the process exits.
 */
public interface ShutdownUseCase {

  /** Asks every running generation to stop, and any started from now on; returns how many ran. */
  int stopAll();

  /** Waits until no generation is running; false when {@code timeout} passed first. */
  boolean awaitAllEnded(Duration timeout) throws InterruptedException;
}
