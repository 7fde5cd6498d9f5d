package dev.shortlease.application.chat;

import dev.shortlease.domain.InputField;
import dev.shortlease.domain.InputForm;
import dev.shortlease.domain.InputType;
import dev.shortlease.domain.InvalidInputException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a request's {@code inputs} against the app's form as Dify's {@code _prepare_user_inputs}
 * does, with its error sentences: only the form's variables are kept (in the form's order), a
 * missing one takes its default or, if required, is an error; text kinds must be strings (at most
 * {@code max_length} characters, a select one of its options); a number stays a number and a
 * numeric string becomes one, infinity and NaN excepted. NUL characters are removed from strings.
 */
final class InputFormValidator {
  private static final String FIELD = "inputs";

  private InputFormValidator() {}

  /** The inputs to store and run with; throws {@link InvalidInputException} at the first fault. */
  static Map<String, Object> validate(InputForm form, Map<String, Object> inputs) {
    Map<String, Object> kept = new LinkedHashMap<>();
    for (InputField field : form.fields()) {
      kept.put(field.variable(), sanitized(value(field, inputs.get(field.variable()))));
    }
    return kept;
  }

  private static Object value(InputField field, Object given) {
    Object value = given;
    if (value == null) {
      if (field.required()) {
        throw fault(field.variable() + " is required in input form");
      }
      value = field.defaultValue();
      if (value == null) {
        return null;
      }
    }
    if (field.type() == InputType.NUMBER) {
      return number(field, value);
    }
    if (!(value instanceof String text)) {
      throw fault(
          "(type '"
              + kindName(field.type())
              + "') "
              + field.variable()
              + " in input form must be a string");
    }
    if (field.type() == InputType.SELECT && !field.options().contains(text)) {
      throw fault(
          field.variable()
              + " in input form must be one of the following: "
              + field.options().stream()
                  .map(o -> "'" + o + "'")
                  .collect(Collectors.joining(", ", "[", "]")));
    }
    if (field.maxLength() != null && text.codePointCount(0, text.length()) > field.maxLength()) {
      throw fault(
          field.variable()
              + " in input form must be less than "
              + field.maxLength()
              + " characters");
    }
    return text;
  }

  /**
   * A number as given; a string as Dify parses it (with a dot a decimal, else an integer), blank as
   * no value. Anything else is an error (Dify fails with a 500 there).
   */
  private static Object number(InputField field, Object value) {
    Object number = value;
    if (value instanceof String text) {
      if (text.isBlank()) {
        return null;
      }
      try {
        number = text.contains(".") ? Double.valueOf(text.strip()) : integer(text.strip());
      } catch (NumberFormatException e) {
        number = null;
      }
    }
    // JSON's 1e999 parses to infinity, which no JSON can carry back out: refused, not stored.
    if (number instanceof Number n && !(n instanceof Double d && !Double.isFinite(d))) {
      return number;
    }
    throw fault(field.variable() + " in input form must be a valid number");
  }

  private static Number integer(String text) {
    BigInteger value = new BigInteger(text);
    return value.bitLength() < Long.SIZE ? (Number) value.longValueExact() : value;
  }

  private static Object sanitized(Object value) {
    return value instanceof String text ? text.replace("\u0000", "") : value;
  }

  /** Dify's names of the kinds, which its error sentences quote. */
  private static String kindName(InputType type) {
    return switch (type) {
      case TEXT_INPUT -> "text-input";
      case PARAGRAPH -> "paragraph";
      case SELECT -> "select";
      case NUMBER -> "number";
    };
  }

  private static InvalidInputException fault(String message) {
    return InvalidInputException.worded(FIELD, message);
  }
}
