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
      if (!item.isObject() || item.size() != 1) {
        throw invalid(FORM, "items must be objects with one key: the field type");
      }
      String type = item.fieldNames().next();
      JsonNode body = item.get(type);
      if (!body.isObject()) {
        throw invalid(FORM, "field " + type + " must be an object");
      }
      fields.add(
          new InputField(
              inputType(type),
              text(body, "variable"),
              text(body, "label"),
              body.path("required").asBoolean(false),
              value(body.get("default")),
              maxLength(body.get("max_length")),
              options(body.get("options"))));
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
      if (!item.isObject()) {
        throw invalid(VARIABLES, "items must be objects");
      }
      declarations.add(
          new VariableDeclaration(
              text(item, "name"),
              variableType(text(item, "value_type")),
              value(item.get("value")),
              text(item, "description")));
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

  private static InputType inputType(String wire) {
    for (InputType type : InputType.values()) {
      if (inputType(type).equals(wire)) {
        return type;
      }
    }
    throw invalid(FORM, "field type must be one of text-input, paragraph, select, number");
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

  private static VariableType variableType(String wire) {
    for (VariableType type : VariableType.values()) {
      if (variableType(type).equals(wire)) {
        return type;
      }
    }
    throw invalid(
        VARIABLES,
        "value_type must be one of string, number, boolean, object, array[string],"
            + " array[number], array[boolean], array[object]");
  }

  /** Any JSON value as structured values (maps, lists, strings, numbers, booleans, null). */
  static Object value(JsonNode node) {
    return node == null || node.isNull() ? null : Json.MAPPER.convertValue(node, Object.class);
  }

  private static String text(JsonNode body, String name) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw invalid(name, "must be a string");
    }
    return value.textValue();
  }

  private static Integer maxLength(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    // below 1 is the domain's to refuse, naming the variable
    if (!JsonBody.isIntBetween(node, Integer.MIN_VALUE, Integer.MAX_VALUE)) {
      throw invalid(FORM, "max_length " + JsonBody.mustBeIntegerBetween(1, Integer.MAX_VALUE));
    }
    return node.intValue();
  }

  private static List<String> options(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    List<String> options = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(o -> options.add(o.isTextual() ? o.textValue() : null));
    }
    if (!node.isArray() || options.contains(null)) {
      throw invalid(FORM, "options must be a list of strings");
    }
    return options;
  }

  private static InvalidInputException invalid(String field, String problem) {
    return new InvalidInputException(field, problem);
  }
}
