package dev.shortlease.guardrails.guice;

import java.util.List;

/**
 * {@link Guardrails#verify} found a long-call binding without the long-call guard, or a use-case
 * binding without the leak check. The message has one line per binding, with its source.
 */
public final class UnguardedBindingException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  UnguardedBindingException(List<String> problems) {
    super(
        "guardrails: "
            + problems.size()
            + " binding(s) escaped the connection guard:\n  "
            + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One line per unwrapped binding. */
  public List<String> problems() {
    return problems;
  }
}
