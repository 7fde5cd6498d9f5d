package dev.shortlease.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.bootstrap.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * README's configuration table against the code, the other way from {@link LimitsDocumentedTest}:
 * every row names a variable the service reads, a default written as one literal is the one {@link
 * Settings#fromEnvironment} applies when the variable is unset, and docs/limits.md repeats that
 * default.
 */
@DisplayName("README's configuration table names variables the service reads, with their defaults")
class ConfigurationTableTest {
  private static final Path ROOT = TourLinksTest.ROOT;
  private static final Pattern NAME =
      Pattern.compile("`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|PORT|HOST)`");
  private static final Pattern LITERAL = Pattern.compile("`([^`]+)`");

  /**
   * A limits table's setting and the number its parentheses open with: `MAX_BODY_BYTES` (1048576).
   */
  private static final Pattern LIMITS_DEFAULT =
      Pattern.compile("`([A-Z][A-Z0-9_]+)` \\((\\d[\\d,]*)");

  /** A bound in a row's meaning: (min 250), (1..1024), max 60000 or (`0` = off, else ≥ 2000). */
  private static final Pattern BOUND =
      Pattern.compile("\\((?:min (\\d+)|(\\d+)\\.\\.(\\d+)|[^()]*?else ≥ (\\d+))|\\bmax `?(\\d+)");

  private static final Pattern QUOTED =
      Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|PORT|HOST)\"");

  /**
   * Fixed for every comparison: a generated admin token differs per start, and setting DATABASE_URL
   * turns the demo app's default off and its user's default to empty (their rows say so).
   */
  private static final Map<String, String> BASE =
      Map.of("ADMIN_TOKEN", "admin-0123456789abcdef", "DEMO_APP", "true", "DATABASE_USER", "sa");

  @Test
  @DisplayName("every row names a variable the service reads")
  void everyRowIsRead() throws IOException {
    Set<String> quoted = quotedNamesInBootstrap();

    assertThat(quoted).as("names quoted in bootstrap (the scan works)").hasSizeGreaterThan(50);
    // The OpenTelemetry SDK reads OTEL_* itself (README: "the SDK's other `OTEL_*` variables").
    assertThat(rows().keySet().stream().filter(name -> !name.startsWith("OTEL_")).toList())
        .as("README rows whose variable no bootstrap class reads")
        .allSatisfy(name -> assertThat(quoted).as(name).contains(name));
  }

  @Test
  @DisplayName("a default written as one literal is the code's default")
  void literalDefaultsAreTheCodes() throws IOException {
    Settings unset = Settings.fromEnvironment(BASE);
    List<String> checked = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    Map<String, String> rows = rows();
    for (Map.Entry<String, String> row : rows.entrySet()) {
      String name = row.getKey();
      String value = literalDefault(row.getValue());
      // OTEL_* defaults belong to the OpenTelemetry SDK, and the variables are kept as given; a
      // default naming another variable (MANAGEMENT_HOST: `HOST`) is a reference, not a value.
      if (value == null || name.startsWith("OTEL_") || rows.containsKey(value)) {
        continue;
      }
      Map<String, String> env = new HashMap<>(BASE);
      env.put(name, value);
      checked.add(name);
      Settings set;
      try {
        set = Settings.fromEnvironment(env);
      } catch (RuntimeException e) {
        wrong.add(name + "=" + value + " fails: " + e.getMessage());
        continue;
      }
      if (!set.equals(unset)) {
        wrong.add(name + "=" + value + " is not what the service uses when it is unset");
      }
    }

    assertThat(checked).as("rows with a literal default (the parse works)").hasSizeGreaterThan(40);
    assertThat(wrong).as("README defaults that are not the code's").isEmpty();
  }

  @Test
  @DisplayName("a bound a row states (min 250, 1..1024, max 60000, else ≥ 2000) is the code's")
  void statedBoundsHold() throws IOException {
    List<String> checked = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> row : rows().entrySet()) {
      Matcher bound = BOUND.matcher(row.getValue().split("\\|")[3]);
      if (!bound.find()) {
        continue;
      }
      String name = row.getKey();
      checked.add(name);
      List<Long> inside = new ArrayList<>();
      List<Long> outside = new ArrayList<>();
      if (bound.group(1) != null || bound.group(4) != null) {
        long min = Long.parseLong(bound.group(1) != null ? bound.group(1) : bound.group(4));
        inside.add(min);
        outside.add(min - 1);
      } else if (bound.group(2) != null) {
        inside.addAll(List.of(Long.parseLong(bound.group(2)), Long.parseLong(bound.group(3))));
        outside.addAll(List.of(inside.get(0) - 1, inside.get(1) + 1));
      } else {
        inside.add(Long.parseLong(bound.group(5)));
        outside.add(inside.get(0) + 1);
      }
      for (long value : inside) {
        try {
          Settings.fromEnvironment(with(name, value));
        } catch (RuntimeException e) {
          wrong.add(name + "=" + value + " was refused: " + e.getMessage());
        }
      }
      for (long value : outside) {
        try {
          Settings.fromEnvironment(with(name, value));
          wrong.add(name + "=" + value + " was accepted");
        } catch (RuntimeException e) {
          if (!String.valueOf(e.getMessage()).startsWith(name + " ")) {
            wrong.add(name + "=" + value + " failed without naming it: " + e.getMessage());
          }
        }
      }
    }

    assertThat(checked).as("rows stating a bound (the parse works)").hasSizeGreaterThan(8);
    assertThat(wrong).isEmpty();
  }

  @Test
  @DisplayName("a default docs/limits.md gives in parentheses is README's")
  void limitsDefaultsAreReadmes() throws IOException {
    Map<String, String> rows = rows();
    List<String> checked = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (String line : Files.readAllLines(ROOT.resolve("docs/limits.md"))) {
      Matcher setting = LIMITS_DEFAULT.matcher(line.startsWith("| ") ? line : "");
      while (setting.find()) {
        String name = setting.group(1);
        String value = setting.group(2).replace(",", "");
        String readme = rows.containsKey(name) ? literalDefault(rows.get(name)) : null;
        if (readme != null) {
          checked.add(name);
          if (!readme.equals(value)) {
            wrong.add(name + ": docs/limits.md says " + value + ", README " + readme);
          }
        }
      }
    }

    assertThat(checked).as("limits with a default in parentheses").hasSizeGreaterThan(10);
    assertThat(wrong).isEmpty();
  }

  /**
   * BASE with {@code name=value}; a remote image's connect timeout may not exceed its whole
   * download's (both rows say so), so each is set where the other's bounds cannot trip it.
   */
  private static Map<String, String> with(String name, long value) {
    Map<String, String> env = new HashMap<>(BASE);
    env.put("REMOTE_IMAGE_TIMEOUT_SECONDS", "600");
    env.put("REMOTE_IMAGE_CONNECT_TIMEOUT_SECONDS", "1");
    env.put(name, Long.toString(value));
    return env;
  }

  /** The default cell's value when it is exactly one literal (`8080`), else null. */
  private static String literalDefault(String row) {
    String cell = row.split("\\|")[2].strip();
    Matcher literal = LITERAL.matcher(cell);
    return literal.matches() ? literal.group(1) : null;
  }

  /** README's configuration table: each variable of a row's first cell, and the row. */
  private static Map<String, String> rows() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int start = readme.indexOf("| variable | default | meaning |");
    assertThat(start).as("README's configuration table").isPositive();
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : readme.substring(start).lines().skip(2).toList()) {
      if (!line.startsWith("|")) {
        break;
      }
      Matcher names = NAME.matcher(line.substring(1, line.indexOf('|', 1)));
      while (names.find()) {
        rows.put(names.group(1), line);
      }
    }
    return rows;
  }

  private static Set<String> quotedNamesInBootstrap() throws IOException {
    Set<String> names = new TreeSet<String>();
    try (Stream<Path> files =
        Files.walk(ROOT.resolve("bootstrap/src/main/java/dev/shortlease/bootstrap"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = QUOTED.matcher(Files.readString(file));
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }
}
