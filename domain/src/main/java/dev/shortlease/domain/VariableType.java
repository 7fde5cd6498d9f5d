package dev.shortlease.domain;

import java.util.List;
import java.util.Map;

/**
 * The value types a conversation variable may be declared with (Dify's segment types that chat apps
 * use). A variable keeps its type: a new value must be of it.
 */
public enum VariableType {
  STRING,
  NUMBER,
  BOOLEAN,
  OBJECT,
  ARRAY_STRING,
  ARRAY_NUMBER,
  ARRAY_BOOLEAN,
  ARRAY_OBJECT;

  /** Whether {@code value} is of this type; arrays check every element, as Dify does. */
  public boolean accepts(Object value) {
    return switch (this) {
      case STRING -> value instanceof String;
      case NUMBER -> value instanceof Number;
      case BOOLEAN -> value instanceof Boolean;
      case OBJECT -> value instanceof Map<?, ?>;
      case ARRAY_STRING -> allOf(value, STRING);
      case ARRAY_NUMBER -> allOf(value, NUMBER);
      case ARRAY_BOOLEAN -> allOf(value, BOOLEAN);
      case ARRAY_OBJECT -> allOf(value, OBJECT);
    };
  }

  /** The value a variable declared without one starts at. */
  public Object empty() {
    return switch (this) {
      case STRING -> "";
      case NUMBER -> 0;
      case BOOLEAN -> false;
      case OBJECT -> Map.of();
      default -> List.of();
    };
  }

  private static boolean allOf(Object value, VariableType element) {
    return value instanceof List<?> list && list.stream().allMatch(element::accepts);
  }
}
