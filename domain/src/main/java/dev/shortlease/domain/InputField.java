package dev.shortlease.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One field of an app's input form: the {@code inputs} key it fills ({@code variable}), what the
 * form shows ({@code label}), whether it must be given, its default, and per kind a maximum length
 * (text kinds, {@code null} = none) or the options (select).
 */
public record InputField(
    InputType type,
    String variable,
    String label,
    boolean required,
    Object defaultValue,
    Integer maxLength,
    List<String> options) {

  /** Dify's rule for variable names: letters, digits and underscores, not starting with a digit. */
  private static final Pattern VARIABLE = Pattern.compile("^(?!\\d)[\\p{L}\\p{N}_]{1,100}$");

  private static final String FIELD = "user_input_form";

  public InputField {
    Objects.requireNonNull(type, "type");
    if (variable == null || variable.isBlank()) {
      throw new InvalidInputException(FIELD, "variable is required");
    }
    if (!VARIABLE.matcher(variable).matches()) {
      throw InvalidInputException.worded(
          FIELD,
          "variable in user_input_form must be a string, and cannot start with a number: "
              + variable);
    }
    if (label == null || label.isBlank()) {
      throw InvalidInputException.worded(FIELD, "label is required in user_input_form");
    }
    options = options == null ? List.of() : List.copyOf(options);
    checkKind(type, variable, defaultValue, maxLength, options);
  }

  private static void checkKind(
      InputType type,
      String variable,
      Object defaultValue,
      Integer maxLength,
      List<String> options) {
    if (maxLength != null && (maxLength < 1 || !type.isText())) {
      throw InvalidInputException.worded(
          FIELD, "max_length of " + variable + " must be a positive integer on a text field");
    }
    if (type != InputType.SELECT && !options.isEmpty()) {
      throw InvalidInputException.worded(FIELD, "options are for select fields only: " + variable);
    }
    if (type == InputType.SELECT && new HashSet<>(options).size() != options.size()) {
      throw InvalidInputException.worded(FIELD, "options of " + variable + " must be unique");
    }
    if (defaultValue == null) {
      return;
    }
    boolean fits =
        switch (type) {
          case TEXT_INPUT, PARAGRAPH -> defaultValue instanceof String;
          case SELECT -> defaultValue instanceof String s && (s.isEmpty() || options.contains(s));
          case NUMBER -> defaultValue instanceof Number || defaultValue instanceof String;
        };
    if (!fits) {
      throw InvalidInputException.worded(
          FIELD,
          type == InputType.SELECT
              ? "default value in user_input_form must be in the options list"
              : "default of " + variable + " does not fit its type");
    }
  }
}
