package dev.shortlease.application.agent;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a top-level string argument from a tool's tiny JSON object without a JSON library (the
 * application module has none). Deliberately narrow: plain and escaped-quote strings only; a value
 * it cannot read is treated as absent, never evaluated.
 */
final class ToolArguments {
  private static final int MAX_LENGTH = 10_000;

  private ToolArguments() {}

  static Optional<String> string(String json, String name) {
    if (json == null || json.length() > MAX_LENGTH || !name.matches("[A-Za-z0-9_]+")) {
      return Optional.empty();
    }
    Pattern pattern =
        Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.DOTALL);
    Matcher m = pattern.matcher(json);
    return m.find() ? Optional.of(unescape(m.group(1))) : Optional.empty();
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char next = s.charAt(++i);
        out.append(
            switch (next) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              default -> next;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
