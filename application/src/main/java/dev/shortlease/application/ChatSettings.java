package dev.shortlease.application;

import dev.shortlease.domain.HistoryWindow;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the chat flow, with defaults: how much history the model sees, how long and how far
 * an agent may go, and how many events a slow client may leave queued.
 *
 * @param historyTurns finished turns of the conversation sent to the model (default 10)
 * @param maxAgentIterations model turns an agent may take before it must answer (default 5)
 * @param executionTimeLimit after this long a generation is stopped and saved as {@code stopped}
 *     with its text so far (default 600 s)
 * @param eventQueueCapacity events queued for a slow consumer before text chunks are coalesced
 *     (default 256)
 * @param suggestedQuestions follow-up questions asked of the model (default 3)
 * @param historyChars characters (query plus answer) of history sent to the model; the oldest turns
 *     are dropped first (default {@link HistoryWindow#DEFAULT_MAX_CHARS})
 */
public record ChatSettings(
    int historyTurns,
    int maxAgentIterations,
    Duration executionTimeLimit,
    int eventQueueCapacity,
    int suggestedQuestions,
    int historyChars) {

  public static final ChatSettings DEFAULTS =
      new ChatSettings(10, 5, Duration.ofSeconds(600), 256, 3, HistoryWindow.DEFAULT_MAX_CHARS);

  public ChatSettings {
    requireRange(historyTurns, 0, 500, "historyTurns");
    requireRange(maxAgentIterations, 1, 50, "maxAgentIterations");
    Objects.requireNonNull(executionTimeLimit, "executionTimeLimit");
    if (executionTimeLimit.isNegative() || executionTimeLimit.isZero()) {
      throw new IllegalArgumentException("executionTimeLimit must be positive");
    }
    requireRange(eventQueueCapacity, 1, 100_000, "eventQueueCapacity");
    requireRange(suggestedQuestions, 1, 10, "suggestedQuestions");
    requireRange(historyChars, 0, 10_000_000, "historyChars");
  }

  public static ChatSettings defaults() {
    return DEFAULTS;
  }

  public ChatSettings withExecutionTimeLimit(Duration limit) {
    return new ChatSettings(
        historyTurns,
        maxAgentIterations,
        limit,
        eventQueueCapacity,
        suggestedQuestions,
        historyChars);
  }

  public ChatSettings withMaxAgentIterations(int iterations) {
    return new ChatSettings(
        historyTurns,
        iterations,
        executionTimeLimit,
        eventQueueCapacity,
        suggestedQuestions,
        historyChars);
  }

  public ChatSettings withEventQueueCapacity(int capacity) {
    return new ChatSettings(
        historyTurns,
        maxAgentIterations,
        executionTimeLimit,
        capacity,
        suggestedQuestions,
        historyChars);
  }

  public ChatSettings withHistoryChars(int chars) {
    return new ChatSettings(
        historyTurns,
        maxAgentIterations,
        executionTimeLimit,
        eventQueueCapacity,
        suggestedQuestions,
        chars);
  }

  /** The history the model sees: {@link #historyTurns} turns within {@link #historyChars}. */
  public HistoryWindow historyWindow() {
    return new HistoryWindow(historyTurns, historyChars);
  }

  private static void requireRange(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be within " + min + ".." + max);
    }
  }
}
