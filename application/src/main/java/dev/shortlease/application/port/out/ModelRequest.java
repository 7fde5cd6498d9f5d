package dev.shortlease.application.port.out;

import dev.shortlease.domain.ModelSettings;
import java.util.List;
import java.util.Objects;

/** What the model is asked: its settings, the conversation so far, and the tools it may call. */
public record ModelRequest(
    ModelSettings settings, List<ModelMessage> messages, List<ToolSpec> tools) {
  public ModelRequest {
    Objects.requireNonNull(settings, "settings");
    messages = List.copyOf(messages);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a model request needs at least one message");
    }
    tools = tools == null ? List.of() : List.copyOf(tools);
  }
}
