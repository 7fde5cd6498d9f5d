package dev.shortlease.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One iteration of an agent: what it thought, which tools it called with which input, and what they
 * returned. Positions start at 1 within a message.
 *
 * @param tool the tools called, names joined by {@code ;}; empty for a final answer
 * @param toolInput what the called tools were given; {@link ToolInput#NONE} for none
 * @param observation each called tool's name to what it returned; empty until the tools ran
 */
public record AgentThought(
    AgentThoughtId id,
    MessageId messageId,
    int position,
    String thought,
    String tool,
    ToolInput toolInput,
    Map<String, String> observation,
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
    toolInput = toolInput == null ? ToolInput.NONE : toolInput;
    observation =
        observation == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(observation));
    usage = usage == null ? TokenUsage.NONE : usage;
  }
}
