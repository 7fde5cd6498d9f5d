package dev.shortlease.domain;

/**
 * Where a message is in its life. {@code RUNNING} is the only non-terminal state; a terminal state
 * never changes again (rule R5: the answer, once saved, is not overwritten or lost).
 */
public enum MessageStatus {
  RUNNING,
  NORMAL,
  STOPPED,
  ERROR;

  public boolean isTerminal() {
    return this != RUNNING;
  }

  /** Only running → terminal is allowed; nothing goes back to running or between terminals. */
  public boolean canBecome(MessageStatus next) {
    return this == RUNNING && next.isTerminal();
  }
}
