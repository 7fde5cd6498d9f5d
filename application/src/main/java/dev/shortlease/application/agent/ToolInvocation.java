package dev.shortlease.application.agent;

import dev.shortlease.domain.Owner;
import java.util.Objects;
import java.util.Optional;

/**
 * One call of a tool: on whose behalf (so a tool reads only the owner's data, rule R4) and with
 * which arguments, as the JSON object text the model sent.
 */
public record ToolInvocation(Owner owner, String argumentsJson) {
  public ToolInvocation {
    Objects.requireNonNull(owner, "owner");
    argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
  }

  /** A top-level string argument, if present (see {@link ToolArguments}). */
  public Optional<String> stringArgument(String name) {
    return ToolArguments.string(argumentsJson, name);
  }
}
