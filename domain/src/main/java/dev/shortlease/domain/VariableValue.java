package dev.shortlease.domain;

/**
 * A new value for a conversation variable, as the client sent it: a structured value (string,
 * number, boolean, {@code null}, list or map of these), frozen so it crosses ports unchanged.
 */
public record VariableValue(Object value) {

  public VariableValue {
    value = StructuredValues.freezeValue(value);
  }
}
