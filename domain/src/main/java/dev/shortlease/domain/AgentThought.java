package dev.shortlease.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One iteration of an agent: what it thought, which tool it called with which input, and what the
 * tool returned. Positions start at 1 within a message.
 */
public record AgentThought(
    AgentThoughtId id,
    MessageId messageId,
    int position,
    String thought,
    String tool,
    String toolInput,
    String observation,
    TokenUsage usage,
    Instant createdAt) {

  public AgentThought {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(messageId, "messageId");
    if (position < 1) {
      throw new IllegalArgumentException("position starts at 1");
    }
    thought = thought == null ? "" : thought;
    tool = tool == null ? "" : tool;
    toolInput = toolInput == null ? "" : toolInput;
    observation = observation == null ? "" : observation;
    usage = usage == null ? TokenUsage.NONE : usage;
  }
}
