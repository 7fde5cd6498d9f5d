package dev.shortlease.application.port.out;

import java.util.Objects;

/** The model's request to run a tool, with its arguments already parsed. */
public record ToolCall(String id, String name, ToolArguments arguments) {
  public ToolCall {
    Objects.requireNonNull(name, "name");
    arguments = arguments == null ? ToolArguments.NONE : arguments;
  }
}
