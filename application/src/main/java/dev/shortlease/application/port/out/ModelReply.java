package dev.shortlease.application.port.out;

import dev.shortlease.domain.TokenUsage;
import java.util.List;
import java.util.Objects;

/** The model's whole reply: text, any tool calls, usage and why it ended. */
public record ModelReply(
    String text, List<ToolCall> toolCalls, TokenUsage usage, FinishReason finishReason) {
  public ModelReply {
    text = text == null ? "" : text;
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    usage = usage == null ? TokenUsage.NONE : usage;
    Objects.requireNonNull(finishReason, "finishReason");
  }
}
