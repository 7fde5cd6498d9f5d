package dev.shortlease.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.domain.InputField;
import dev.shortlease.domain.InputForm;
import dev.shortlease.domain.InputType;
import dev.shortlease.domain.InvalidInputException;
import dev.shortlease.domain.VariableDeclaration;
import dev.shortlease.domain.VariableType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Web adapter: an app's input form in Dify's {@code user_input_form} shape (a list of one-key
 * objects, {@code {"paragraph": {"label", "variable", "required", "default", ...}}}), and its
 * conversation variable declarations ({@code {"name", "value_type", "value", "description"}}), both
 * ways. The admin API and {@code /v1/parameters} show the same shape.
 */
final class FormWire {
  private static final String FORM = "user_input_form";
  private static final String VARIABLES = "conversation_variables";

  private FormWire() {}

  static List<Map<String, Object>> form(InputForm form) {
    return form.fields().stream().map(FormWire::field).toList();
  }

  private static Map<String, Object> field(InputField f) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("label", f.label());
    body.put("variable", f.variable());
    body.put("required", f.required());
    body.put("default", f.defaultValue() == null && f.type().isText() ? "" : f.defaultValue());
    if (f.maxLength() != null) {
      body.put("max_length", f.maxLength());
    }
    if (f.type() == InputType.SELECT) {
      body.put("options", f.options());
    }
    return Map.of(inputType(f.type()), body);
  }

  /** A form from the admin API; null when the field is absent (keep the current one). */
  static InputForm form(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      throw invalid(FORM, "must be an array");
    }
    List<InputField> fields = new ArrayList<>();
    for (JsonNode item : node) {
      String at = FORM + "[" + fields.size() + "]";
      if (!item.isObject() || item.size() != 1) {
        throw invalid(at, "must be an object with one key: the field type");
      }
      String type = item.fieldNames().next();
      InputType inputType = inputType(type, at);
      JsonNode body = item.get(type);
      at = at + "." + type + ".";
      if (!body.isObject()) {
        throw invalid(at.substring(0, at.length() - 1), "must be an object");
      }
      fields.add(
          new InputField(
              inputType,
              text(body, "variable", at),
              text(body, "label", at),
              body.path("required").asBoolean(false),
              value(body.get("default")),
              maxLength(body.get("max_length"), at),
              options(body.get("options"), at)));
    }
    return new InputForm(fields);
  }

  static List<Map<String, Object>> variables(List<VariableDeclaration> declarations) {
    return declarations.stream()
        .map(
            d -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("name", d.name());
              m.put("value_type", variableType(d.type()));
              m.put("value", d.value());
              m.put("description", d.description());
              return m;
            })
        .toList();
  }

  /** Declarations from the admin API; null when the field is absent (keep the current ones). */
  static List<VariableDeclaration> variables(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      throw invalid(VARIABLES, "must be an array");
    }
    List<VariableDeclaration> declarations = new ArrayList<>();
    for (JsonNode item : node) {
      String at = VARIABLES + "[" + declarations.size() + "]";
      if (!item.isObject()) {
        throw invalid(at, "must be an object");
      }
      at = at + ".";
      declarations.add(
          new VariableDeclaration(
              text(item, "name", at),
              variableType(text(item, "value_type", at), at + "value_type"),
              value(item.get("value")),
              text(item, "description", at)));
    }
    return declarations;
  }

  static String inputType(InputType type) {
    return switch (type) {
      case TEXT_INPUT -> "text-input";
      case PARAGRAPH -> "paragraph";
      case SELECT -> "select";
      case NUMBER -> "number";
    };
  }

  private static InputType inputType(String wire, String at) {
    for (InputType type : InputType.values()) {
      if (inputType(type).equals(wire)) {
        return type;
      }
    }
    throw invalid(at, "field type must be one of text-input, paragraph, select, number");
  }

  /** Dify's exposed segment type names. */
  static String variableType(VariableType type) {
    return switch (type) {
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case OBJECT -> "object";
      case ARRAY_STRING -> "array[string]";
      case ARRAY_NUMBER -> "array[number]";
      case ARRAY_BOOLEAN -> "array[boolean]";
      case ARRAY_OBJECT -> "array[object]";
    };
  }

  private static VariableType variableType(String wire, String field) {
    for (VariableType type : VariableType.values()) {
      if (variableType(type).equals(wire)) {
        return type;
      }
    }
    throw invalid(
        field,
        "must be one of string, number, boolean, object, array[string],"
            + " array[number], array[boolean], array[object]");
  }

  /** Any JSON value as structured values (maps, lists, strings, numbers, booleans, null). */
  static Object value(JsonNode node) {
    return node == null || node.isNull() ? null : Json.MAPPER.convertValue(node, Object.class);
  }

  /** {@code at} is the path of {@code body} from the request's root, ending in a dot. */
  private static String text(JsonNode body, String name, String at) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw invalid(at + name, "must be a string");
    }
    return value.textValue();
  }

  private static Integer maxLength(JsonNode node, String at) {
    if (node == null || node.isNull()) {
      return null;
    }
    // below 1 is the domain's to refuse, naming the variable
    if (!JsonBody.isIntBetween(node, Integer.MIN_VALUE, Integer.MAX_VALUE)) {
      throw invalid(at + "max_length", JsonBody.mustBeIntegerBetween(1, Integer.MAX_VALUE));
    }
    return node.intValue();
  }

  private static List<String> options(JsonNode node, String at) {
    if (node == null || node.isNull()) {
      return null;
    }
    List<String> options = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(o -> options.add(o.isTextual() ? o.textValue() : null));
    }
    if (!node.isArray() || options.contains(null)) {
      throw invalid(at + "options", "must be a list of strings");
    }
    return options;
  }

  private static InvalidInputException invalid(String field, String problem) {
    return new InvalidInputException(field, problem);
  }
}
