package dev.shortlease.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How a generation ended: the terminal status, the text generated so far, the error (if any), usage
 * and latency. Built once by the runner and written in one short transaction (T4).
 */
public record MessageOutcome(
    MessageStatus status, String answer, String error, TokenUsage usage, Duration latency) {

  /**
   * How the error of a message ended by recovery (not by its own run) begins. Such an ending is a
   * presumption, made when the run's instance looked dead; the run's own outcome, if it still
   * arrives (a late final save, a spooled answer), replaces it.
   */
  public static final String ABANDONED_PREFIX = "abandoned: ";

  public MessageOutcome {
    Objects.requireNonNull(status, "status");
    if (!status.isTerminal()) {
      throw new IllegalTransitionException("an outcome must be terminal, not " + status);
    }
    answer = answer == null ? "" : Texts.storable(answer);
    error = Texts.storable(error);
    usage = usage == null ? TokenUsage.NONE : usage;
    latency = latency == null ? Duration.ZERO : latency;
  }

  public static MessageOutcome completed(String answer, TokenUsage usage, Duration latency) {
    return new MessageOutcome(MessageStatus.NORMAL, answer, null, usage, latency);
  }

  public static MessageOutcome stopped(String answer, TokenUsage usage, Duration latency) {
    return new MessageOutcome(MessageStatus.STOPPED, answer, null, usage, latency);
  }

  /** True when {@code error} marks an ending made by recovery rather than by the run. */
  public static boolean isAbandonedMarker(String error) {
    return error != null && error.startsWith(ABANDONED_PREFIX);
  }

  public static MessageOutcome failed(
      String answer, String error, TokenUsage usage, Duration latency) {
    return new MessageOutcome(MessageStatus.ERROR, answer, error, usage, latency);
  }
}
