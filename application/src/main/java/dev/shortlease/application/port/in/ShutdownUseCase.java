package dev.shortlease.application.port.in;

import java.time.Duration;

/**
 * Use case (operations): end every running generation for a graceful shutdown. Each run is stopped
 * and saved as {@code stopped} with its text so far (rule R5) before the process exits.
 */
public interface ShutdownUseCase {

  /**
   * How many generations run here now, counting chats still starting (their runs are waited for
   * alike).
   */
  int runningCount();

  /**
   * How many generations have ended here so far: the difference between two readings is how many
   * ended in between, whenever they started.
   */
  long endedCount();

  /**
   * Draining begins: chats still waiting in the admission line are refused at once ({@link
   * ShuttingDownException}; they have started nothing, so their clients can send them again
   * elsewhere), and so is every chat that reaches the line from now on. Running generations, and
   * starts already past the line, go on.
   */
  void beginDraining();

  /**
   * Asks every running generation to stop, and every one still starting as soon as it runs; a chat
   * sent from now on is refused ({@link ShuttingDownException}), and so at once is one still
   * waiting in the admission line ({@link AdmitChatUseCase#close()}), before it authenticates.
   * Returns how many ran.
   */
  int stopAll();

  /**
   * Waits until no generation is running and none is starting; false when {@code timeout} passed
   * first.
   */
  boolean awaitAllEnded(Duration timeout) throws InterruptedException;

  /** Final saves still retrying give up and spool their answers now (time is nearly out). */
  void abandonSaveRetries();

  /**
   * Ends this instance's lease, so another instance (or the next start) recovers at once whatever
   * is still running here. Best effort: false when the database could not be told.
   */
  boolean leave();
}
