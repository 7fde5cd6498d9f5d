package dev.shortlease.application.port.out;

import java.util.List;

/** One message of the model's context, independent of any provider's types. */
public sealed interface ModelMessage {

  record System(String text) implements ModelMessage {}

  record User(String text) implements ModelMessage {}

  /** The model's earlier reply; {@code toolCalls} is empty for plain text. */
  record Assistant(String text, List<ToolCall> toolCalls) implements ModelMessage {
    public Assistant {
      text = text == null ? "" : text;
      toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
  }

  /** What a tool returned for the call with {@code toolCallId}. */
  record ToolResult(String toolCallId, String toolName, String text) implements ModelMessage {}
}
