package dev.shortlease.adapter.persistence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores string lists, string maps and structured values as JSON text (Jackson): one portable
 * {@code varchar} column on both PostgreSQL and H2, instead of vendor-specific json or array types.
 * An empty map is stored as the empty string, as rows have always held it.
 */
final class JsonText {
  private static final String EMPTY_OBJECT = "{}";

  /**
   * Buffers from one shared pool, not Jackson's default per-thread one: every chat runs on new
   * virtual threads, so a per-thread pool recycles nothing, and the request thread of each open
   * stream kept the buffers of its T2 (~16 KiB) for as long as the stream was open — 35 MB of
   * {@code char[]} with 10,000 streams open (docs/benchmark.md, The long point).
   */
  static final RecyclerPool<BufferRecycler> BUFFERS = JsonRecyclerPools.newBoundedPool(64);

  private static final ObjectMapper JSON =
      new ObjectMapper(JsonFactory.builder().recyclerPool(BUFFERS).build());
  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private static final TypeReference<Object> ANY = new TypeReference<>() {};

  private JsonText() {}

  /** The pool the mapper takes its buffers from (for tests). */
  static RecyclerPool<BufferRecycler> mapperBuffers() {
    return JSON.getFactory()._getRecyclerPool();
  }

  static String ofList(List<String> values) {
    return write(values);
  }

  static List<String> toList(String json) {
    return json == null || json.isEmpty() ? List.of() : read(json, LIST);
  }

  static Map<String, String> toMap(String json) {
    return json == null || json.isEmpty() ? Map.of() : read(json, MAP);
  }

  /** Any structured value (string, number, boolean, null, list, map) as JSON text. */
  static String ofValue(Object value) {
    if (value instanceof Map<?, ?> map && map.isEmpty()) {
      return EMPTY_OBJECT; // most chats' inputs: no writer needed
    }
    return write(value);
  }

  /** The structured value {@code json} holds. */
  static Object toValue(String json) {
    return read(json, ANY);
  }

  /** A map of structured values (or of strings); the empty string when it is empty. */
  static String ofObjectOrEmpty(Map<String, ?> values) {
    return values == null || values.isEmpty() ? "" : write(values);
  }

  /**
   * The map of structured values {@code json} holds, empty for the empty string; empty (not an
   * exception) when the text is not a JSON object, so the caller can decide how to keep it.
   */
  static Optional<Map<String, Object>> toObject(String json) {
    if (json == null || json.isBlank() || EMPTY_OBJECT.equals(json)) {
      return Optional.of(Map.of()); // most chats' inputs: no parser needed
    }
    try {
      return Optional.ofNullable(JSON.readValue(json, OBJECT));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
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
