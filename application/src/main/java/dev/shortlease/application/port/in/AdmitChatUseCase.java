package dev.shortlease.application.port.in;

/**
 * Use case: the line new chats wait in before they may use the pool (authentication, T1–T3).
 * Bounded: a start that finds the line full, or waits too long, gets {@link BusyException} (503
 * with {@code Retry-After}) rather than a pool timeout halfway through. What runs once a chat is
 * under way — its final save above all — does not queue here, so it always finds a connection.
 * Every successful {@link #enter()} is followed by exactly one {@link #leave()}.
 */
public interface AdmitChatUseCase {

  /**
   * Waits for a slot; throws {@link BusyException} when none comes in time, and {@link
   * ShuttingDownException} once the line is {@linkplain #close() closed}.
   */
  void enter();

  /** Gives the slot back. */
  void leave();

  /**
   * Shutdown: the line refuses every start with {@link ShuttingDownException} from now on, those
   * still waiting in it at once (not when their wait runs out). Starts already admitted go on.
   */
  void close();
}
