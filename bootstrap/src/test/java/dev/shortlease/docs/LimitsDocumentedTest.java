package dev.shortlease.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: every limit is documented in README's configuration table and in {@code
 * docs/limits.md}, with the error it produces. Checked against the code: every variable {@code
 * Settings} reads has a row in the README, every setting of a limits table has one too, and every
 * README row that names a refusal (413, 429, 503) is a row of a limits table.
 */
@DisplayName("Every setting is in README's configuration table, every limit in docs/limits.md")
class LimitsDocumentedTest {
  private static final Path ROOT = TourLinksTest.ROOT;
  private static final Pattern READ =
      Pattern.compile("\\bread(?:\\.\\w+\\(|,)\\s*\"([A-Z][A-Z0-9_]+)\"");
  private static final Pattern NAME =
      Pattern.compile("`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|PORT|HOST)`");
  private static final Pattern REFUSAL = Pattern.compile("\\b(413|429|503)\\b");

  @Test
  @DisplayName("every variable Settings reads has a row in README's configuration table")
  void everySettingIsInTheReadme() throws IOException {
    Set<String> read = variablesReadBySettings();
    Set<String> rows = readmeRows().keySet();

    assertThat(read).as("variables read (the scan works)").hasSizeGreaterThan(50);
    assertThat(read.stream().filter(name -> !name.startsWith("OTEL_")).toList())
        .as("variables Settings reads without a README row")
        .allSatisfy(name -> assertThat(rows).contains(name));
    assertThat(Files.readString(ROOT.resolve("README.md")))
        .as("the OpenTelemetry SDK's own variables are covered as a group")
        .contains("other `OTEL_*` variables");
  }

  @Test
  @DisplayName("every setting in a docs/limits.md table has a README row")
  void everyLimitSettingIsInTheReadme() throws IOException {
    Set<String> rows = readmeRows().keySet();
    Set<String> limits = namesIn(limitsTableRows());

    assertThat(limits).as("settings named by the limits tables").hasSizeGreaterThan(30);
    assertThat(limits).allSatisfy(name -> assertThat(rows).as(name).contains(name));
  }

  @Test
  @DisplayName("every README row that names a 413, 429 or 503 is a limit of docs/limits.md")
  void everyRefusalIsALimit() throws IOException {
    Set<String> limits = namesIn(limitsTableRows());
    Set<String> refusing =
        readmeRows().entrySet().stream()
            .filter(row -> REFUSAL.matcher(row.getValue()).find())
            .map(java.util.Map.Entry::getKey)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(refusing).as("README rows naming a refusal").contains("AUTH_FAILURE_LIMIT");
    assertThat(refusing).allSatisfy(name -> assertThat(limits).as(name).contains(name));
  }

  /** README's configuration table: the first variable of each row, and the row. */
  private static java.util.Map<String, String> readmeRows() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int start = readme.indexOf("| variable | default | meaning |");
    assertThat(start).as("README's configuration table").isPositive();
    java.util.Map<String, String> rows = new java.util.TreeMap<>();
    for (String line : readme.substring(start).lines().skip(2).toList()) {
      if (!line.startsWith("|")) {
        break;
      }
      String first = line.substring(1, line.indexOf('|', 1));
      Matcher names = NAME.matcher(first);
      while (names.find()) {
        rows.put(names.group(1), line);
      }
    }
    return rows;
  }

  /** The rows of every table in docs/limits.md. */
  private static String limitsTableRows() throws IOException {
    return Files.readString(ROOT.resolve("docs/limits.md"))
        .lines()
        .filter(line -> line.startsWith("| ") && !line.startsWith("| limit |"))
        .collect(Collectors.joining("\n"));
  }

  private static Set<String> namesIn(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static Set<String> variablesReadBySettings() throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files =
        Files.walk(ROOT.resolve("bootstrap/src/main/java/dev/shortlease/bootstrap"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = READ.matcher(Files.readString(file));
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }
}
