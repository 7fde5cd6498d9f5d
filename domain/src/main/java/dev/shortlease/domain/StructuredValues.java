package dev.shortlease.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Structured values as records carry them: strings, numbers, booleans, {@code null}, lists and
 * string-keyed maps of these (the shape of a JSON document, without its text). Freezing copies them
 * deeply into unmodifiable collections that keep their order, so a record holding them stays
 * immutable; anything else is rejected. Turning them into text is an adapter's job.
 */
public final class StructuredValues {
  private StructuredValues() {}

  /** A deep, unmodifiable, order-keeping copy of {@code map}; {@code null} is the empty map. */
  public static Map<String, Object> freeze(Map<String, ?> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          if (key == null) {
            throw new IllegalArgumentException("a structured map key is null");
          }
          copy.put(key, freezeValue(value));
        });
    return Collections.unmodifiableMap(copy);
  }

  /** A deep, unmodifiable copy of one structured value; {@code null} stays {@code null}. */
  public static Object freezeValue(Object value) {
    return switch (value) {
      case null -> null;
      case String s -> s;
      case Number n -> n;
      case Boolean b -> b;
      case Map<?, ?> m -> freeze(stringKeyed(m));
      case List<?> l -> {
        List<Object> copy = new ArrayList<>(l.size());
        l.forEach(element -> copy.add(freezeValue(element)));
        yield Collections.unmodifiableList(copy);
      }
      default ->
          throw new IllegalArgumentException(
              "not a structured value: " + value.getClass().getName());
    };
  }

  private static Map<String, ?> stringKeyed(Map<?, ?> map) {
    Map<String, Object> keyed = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          if (!(key instanceof String name)) {
            throw new IllegalArgumentException("a structured map key is not a string: " + key);
          }
          keyed.put(name, value);
        });
    return keyed;
  }
}
