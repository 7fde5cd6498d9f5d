package dev.shortlease.domain;

import java.util.List;
import java.util.Objects;

/** A message as the history endpoint shows it: with its agent thoughts in position order. */
public record MessageWithThoughts(Message message, List<AgentThought> thoughts) {
  public MessageWithThoughts {
    Objects.requireNonNull(message, "message");
    thoughts = thoughts == null ? List.of() : List.copyOf(thoughts);
  }
}
