package dev.shortlease.application.agent;

import dev.shortlease.application.port.out.ToolArguments;
import dev.shortlease.domain.Owner;
import java.util.Objects;
import java.util.Optional;

/**
 * One call of a tool: on whose behalf (so a tool reads only the owner's data, rule R4) and with
 * which arguments, parsed by the model adapter.
 */
public record ToolInvocation(Owner owner, ToolArguments arguments) {
  public ToolInvocation {
    Objects.requireNonNull(owner, "owner");
    arguments = arguments == null ? ToolArguments.NONE : arguments;
  }

  /** A top-level string argument, if present. */
  public Optional<String> stringArgument(String name) {
    return arguments.string(name);
  }
}
