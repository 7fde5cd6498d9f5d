package dev.shortlease.application.chat;

import java.util.List;
import java.util.function.Function;

/** Writes the few small JSON texts agent thoughts store, without a JSON library. */
final class JsonText {
  private JsonText() {}

  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** {@code {"key1": value1, ...}} with each value already JSON text. */
  static <T> String object(List<T> entries, Function<T, String> key, Function<T, String> json) {
    StringBuilder out = new StringBuilder("{");
    for (T entry : entries) {
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append(quote(key.apply(entry))).append(": ").append(json.apply(entry));
    }
    return out.append('}').toString();
  }

  /** The text as is when it looks like a JSON object, else as a JSON string. */
  static String objectOrString(String text) {
    String t = text == null ? "" : text.strip();
    return t.startsWith("{") && t.endsWith("}") ? t : quote(t);
  }
}
