package dev.shortlease.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How a generation ended: the terminal status, the text generated so far, the error (if any), usage
 * and latency. Built once by the runner and written in one short transaction (T4).
 */
public record MessageOutcome(
    MessageStatus status, String answer, String error, TokenUsage usage, Duration latency) {

  public MessageOutcome {
    Objects.requireNonNull(status, "status");
    if (!status.isTerminal()) {
      throw new IllegalTransitionException("an outcome must be terminal, not " + status);
    }
    answer = answer == null ? "" : answer;
    usage = usage == null ? TokenUsage.NONE : usage;
    latency = latency == null ? Duration.ZERO : latency;
  }

  public static MessageOutcome completed(String answer, TokenUsage usage, Duration latency) {
    return new MessageOutcome(MessageStatus.NORMAL, answer, null, usage, latency);
  }

  public static MessageOutcome stopped(String answer, TokenUsage usage, Duration latency) {
    return new MessageOutcome(MessageStatus.STOPPED, answer, null, usage, latency);
  }

  public static MessageOutcome failed(
      String answer, String error, TokenUsage usage, Duration latency) {
    return new MessageOutcome(MessageStatus.ERROR, answer, error, usage, latency);
  }
}
