package dev.shortlease.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Grafana dashboard's PromQL: every panel's queries (rows' nested panels included) and the
 * metric names each one uses.
 */
final class GrafanaQueries {
  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "and",
          "or",
          "unless",
          "offset",
          "inf",
          "nan");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  private GrafanaQueries() {}

  static JsonNode read(Path file) throws IOException {
    return new ObjectMapper().readTree(file.toFile());
  }

  /** Every {@code expr} of every panel's targets. */
  static List<String> expressions(JsonNode dashboard) {
    List<String> exprs = new ArrayList<>();
    collect(dashboard.path("panels"), exprs);
    return exprs;
  }

  /** The metric names {@code expr} selects: functions, keywords, labels and ranges left out. */
  static Set<String> metricNames(String expr) {
    String bare =
        expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
            .replaceAll("\\{[^}]*}", " ")
            .replaceAll("\\[[^]]*]", " ")
            .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
            .replaceAll("\\$\\w+", " ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      String word = m.group();
      int next = m.end();
      while (next < bare.length() && bare.charAt(next) == ' ') {
        next++;
      }
      boolean function = next < bare.length() && bare.charAt(next) == '(';
      boolean partOfNumber = m.start() > 0 && Character.isDigit(bare.charAt(m.start() - 1));
      if (!function && !partOfNumber && !KEYWORDS.contains(word.toLowerCase())) {
        names.add(word);
      }
    }
    return names;
  }

  private static void collect(JsonNode panels, List<String> exprs) {
    for (JsonNode panel : panels) {
      for (JsonNode target : panel.path("targets")) {
        if (target.hasNonNull("expr")) {
          exprs.add(target.get("expr").asText());
        }
      }
      collect(panel.path("panels"), exprs);
    }
  }
}
