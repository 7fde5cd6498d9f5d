package dev.shortlease.application.port.out;

import java.util.List;

/** One message of the model's context, independent of any provider's types. */
public sealed interface ModelMessage {

  record System(String text) implements ModelMessage {}

  /** The user's text, with the images attached to it (only for a model that sees images). */
  record User(String text, List<ModelImage> images) implements ModelMessage {
    public User {
      images = images == null ? List.of() : List.copyOf(images);
    }

    public User(String text) {
      this(text, List.of());
    }
  }

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
