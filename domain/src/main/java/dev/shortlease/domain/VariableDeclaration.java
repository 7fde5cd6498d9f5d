package dev.shortlease.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A conversation variable as an app declares it: every new conversation of the app gets one
 * variable of this name and type, starting at {@code value}.
 */
public record VariableDeclaration(
    String name, VariableType type, Object value, String description) {

  private static final Pattern NAME = Pattern.compile("^(?!\\d)[A-Za-z0-9_]{1,100}$");

  public VariableDeclaration {
    Objects.requireNonNull(type, "type");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException(
          "conversation_variables",
          "name must be letters, digits or underscores, not starting with a digit: " + name);
    }
    value = value == null ? type.empty() : StructuredValues.freezeValue(value);
    if (!type.accepts(value)) {
      throw new InvalidInputException(
          "conversation_variables", "value of " + name + " does not fit its value_type");
    }
    description = description == null ? "" : description;
  }

  /** An unmodifiable copy of {@code declarations}, whose names must be unique. */
  public static List<VariableDeclaration> uniqueCopy(List<VariableDeclaration> declarations) {
    if (declarations == null) {
      return List.of();
    }
    Set<String> names = new HashSet<>();
    for (VariableDeclaration d : declarations) {
      if (!names.add(d.name())) {
        throw new InvalidInputException(
            "conversation_variables", "name " + d.name() + " is declared twice");
      }
    }
    return List.copyOf(declarations);
  }
}
