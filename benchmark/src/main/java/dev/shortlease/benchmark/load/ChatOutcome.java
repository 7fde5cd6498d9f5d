package dev.shortlease.benchmark.load;

/**
 * What happened to one streaming chat, as the client saw it. Times are {@link System#nanoTime()};
 * {@code firstTokenNanos} is 0 when no answer text arrived.
 */
public record ChatOutcome(
    Kind kind, long startNanos, long firstTokenNanos, long endNanos, String detail) {

  /** How a chat ended. */
  public enum Kind {
    /** A {@code message_end} event arrived. */
    COMPLETED,
    /** HTTP 503 (or an {@code error} event with status 503): the pool could not serve in time. */
    POOL_TIMEOUT,
    /** Any other HTTP status, or an {@code error} event. */
    FAILED,
    /** The connection broke or the stream ended with no terminal event. */
    BROKEN
  }

  public long latencyMillis() {
    return (endNanos - startNanos) / 1_000_000;
  }

  public long firstTokenMillis() {
    return firstTokenNanos == 0 ? -1 : (firstTokenNanos - startNanos) / 1_000_000;
  }
}
