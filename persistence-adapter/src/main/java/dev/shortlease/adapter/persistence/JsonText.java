package dev.shortlease.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * Stores string lists and string maps as JSON text: one portable {@code varchar} column on both
 * PostgreSQL and H2, instead of vendor-specific json or array types.
 */
final class JsonText {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

  private JsonText() {}

  static String ofList(List<String> values) {
    return write(values);
  }

  static String ofMap(Map<String, String> values) {
    return write(values);
  }

  static List<String> toList(String json) {
    return json == null || json.isEmpty() ? List.of() : read(json, LIST);
  }

  static Map<String, String> toMap(String json) {
    return json == null || json.isEmpty() ? Map.of() : read(json, MAP);
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is corrupt: " + json, e);
    }
  }
}
