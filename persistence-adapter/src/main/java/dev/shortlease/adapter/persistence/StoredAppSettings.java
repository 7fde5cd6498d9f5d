package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.InputField;
import dev.shortlease.domain.InputForm;
import dev.shortlease.domain.InputType;
import dev.shortlease.domain.VariableDeclaration;
import dev.shortlease.domain.VariableType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Persistence adapter: the stored JSON of an app's input form and conversation variable
 * declarations, and the stored names of their kinds. Spelled out here, apart from any wire format,
 * so a change of the API never changes stored data (see {@link StoredAppMode}).
 */
final class StoredAppSettings {
  private StoredAppSettings() {}

  static String ofForm(InputForm form) {
    return JsonText.ofValue(form.fields().stream().map(StoredAppSettings::field).toList());
  }

  static InputForm toForm(String json) {
    if (json == null || json.isBlank()) {
      return InputForm.EMPTY;
    }
    List<?> stored = (List<?>) JsonText.toValue(json);
    return new InputForm(stored.stream().map(f -> field((Map<?, ?>) f)).toList());
  }

  static String ofVariables(List<VariableDeclaration> declarations) {
    return JsonText.ofValue(
        declarations.stream()
            .map(
                d -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("name", d.name());
                  m.put("type", ofType(d.type()));
                  m.put("value", d.value());
                  m.put("description", d.description());
                  return m;
                })
            .toList());
  }

  static List<VariableDeclaration> toVariables(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    return ((List<?>) JsonText.toValue(json))
        .stream()
            .map(
                o -> {
                  Map<?, ?> m = (Map<?, ?>) o;
                  return new VariableDeclaration(
                      (String) m.get("name"),
                      toType((String) m.get("type")),
                      m.get("value"),
                      (String) m.get("description"));
                })
            .toList();
  }

  static String ofType(VariableType type) {
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

  static VariableType toType(String stored) {
    for (VariableType type : VariableType.values()) {
      if (ofType(type).equals(stored)) {
        return type;
      }
    }
    throw new IllegalStateException("stored variable type is unknown: " + stored);
  }

  private static Map<String, Object> field(InputField f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", ofInputType(f.type()));
    m.put("variable", f.variable());
    m.put("label", f.label());
    m.put("required", f.required());
    m.put("default", f.defaultValue());
    if (f.maxLength() != null) {
      m.put("max_length", f.maxLength());
    }
    if (!f.options().isEmpty()) {
      m.put("options", f.options());
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static InputField field(Map<?, ?> m) {
    return new InputField(
        toInputType((String) m.get("type")),
        (String) m.get("variable"),
        (String) m.get("label"),
        Boolean.TRUE.equals(m.get("required")),
        m.get("default"),
        (Integer) m.get("max_length"),
        (List<String>) m.get("options"));
  }

  private static String ofInputType(InputType type) {
    return switch (type) {
      case TEXT_INPUT -> "text-input";
      case PARAGRAPH -> "paragraph";
      case SELECT -> "select";
      case NUMBER -> "number";
    };
  }

  private static InputType toInputType(String stored) {
    for (InputType type : InputType.values()) {
      if (ofInputType(type).equals(stored)) {
        return type;
      }
    }
    throw new IllegalStateException("stored input type is unknown: " + stored);
  }
}
