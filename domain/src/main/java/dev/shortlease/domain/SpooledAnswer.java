package dev.shortlease.domain;

import java.util.Objects;

/**
 * An answer whose final save (T4) could not reach the database in time, kept outside it until it
 * can be written: which message, whose, and how it ended.
 */
public record SpooledAnswer(Owner owner, MessageId messageId, MessageOutcome outcome) {
  public SpooledAnswer {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(outcome, "outcome");
  }
}
