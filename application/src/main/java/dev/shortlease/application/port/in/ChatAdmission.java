package dev.shortlease.application.port.in;

import java.util.function.Supplier;

/**
 * The line new chats wait in before they may use the pool (authentication, T1–T3). Bounded: a start
 * that finds the line full, or waits too long, gets {@link BusyException} (503 with {@code
 * Retry-After}) rather than a pool timeout halfway through. What runs once a chat is under way —
 * its final save above all — does not queue here, so it always finds a connection.
 */
public interface ChatAdmission {

  /** Runs {@code start} once admitted; throws {@link BusyException} when not admitted in time. */
  <T> T admit(Supplier<T> start);
}
