package dev.shortlease.application.port.in;

import dev.shortlease.domain.VariableType;
import java.util.Objects;

/**
 * A new value of a conversation variable is not of the variable's type (Dify's 400 bad_request).
 */
public final class VariableTypeMismatchException extends RuntimeException {
  private final String name;
  private final VariableType expected;
  private final transient Object given;

  public VariableTypeMismatchException(String name, VariableType expected, Object given) {
    super("variable " + name + " expects " + expected);
    this.name = Objects.requireNonNull(name, "name");
    this.expected = Objects.requireNonNull(expected, "expected");
    this.given = given;
  }

  public String name() {
    return name;
  }

  public VariableType expected() {
    return expected;
  }

  /** The rejected value, so the adapter can name its type in its own words. */
  public Object given() {
    return given;
  }
}
