package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} after real chats: Prometheus' own linter finds nothing, every family is in
 * docs/observability.md's table (and every row is exported), the model-call meters count calls, and
 * the Grafana panels and alert rules query only exported metrics.
 */
class MetricsAfterChatsTest {
  static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  private static final Pattern DOC_ROW = Pattern.compile("^\\|\\s*`([a-z_:][a-z0-9_:]*)`\\s*\\|");

  private static final Path ALERT_RULES =
      repository().resolve("deploy/prometheus/shortlease-rules.yml");
  private static final Pattern RULE_EXPR = Pattern.compile("^\\s*expr:\\s*(.+)$");
  private static final Pattern RULE_ALERT = Pattern.compile("^\\s*- alert:\\s*(\\S+)\\s*$");
  private static final Pattern CASE_ALERT = Pattern.compile("^\\s*alertname:\\s*(\\S+)\\s*$");

  private static ShortleaseServer server;
  private static String scrape;

  @BeforeAll
  static void chat() throws InterruptedException, IOException {
    server = ObservedService.afterChats();
    scrape = new Api(server).get("/metrics", null).text();
    // Kept for a reader (and for refreshing the docs table by hand): what was checked.
    Files.writeString(Path.of("target/metrics-after-chats.prom"), scrape, StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @DisplayName("promtool check metrics finds no problem in /metrics")
  void promtoolFindsNothing() throws IOException, InterruptedException {
    Path promtool = RequiredProgram.require(PROMTOOL, "prometheus");
    String problems = promtool(promtool, scrape);
    assertThat(problems).as("promtool check metrics").isEmpty();
  }

  @Test
  @DisplayName("promtool does object to a badly named metric (the check can fail)")
  void promtoolObjects() throws IOException, InterruptedException {
    Path promtool = RequiredProgram.require(PROMTOOL, "prometheus");
    String bad =
        "# HELP lease_time_milliseconds x\n# TYPE lease_time_milliseconds counter\n"
            + "lease_time_milliseconds 1\n";
    assertThat(promtool(promtool, bad)).contains("_total").contains("base unit");
  }

  @Test
  @DisplayName("every exported metric family is in docs/observability.md, and every row exported")
  void everyMetricIsDocumented() throws IOException {
    Set<String> documented = documentedMetrics();
    assertThat(documented).as("rows of the Metrics table").isNotEmpty();
    assertThat(ObservedService.families(scrape))
        .as("exported but not in docs/observability.md's table")
        .isSubsetOf(documented);
    assertThat(documented)
        .as("in docs/observability.md's table but not exported")
        .isSubsetOf(ObservedService.families(scrape));
  }

  @Test
  @DisplayName(
      "model calls are timed, their tokens and failures counted, none left in progress; HTTP answers counted by route template")
  void modelCallsAreMeasured() {
    assertThat(value("gen_ai_client_operation_duration_seconds_count")).isEqualTo(4);
    assertThat(value("shortlease_model_errors_total{error_type=\"rate_limited\"")).isEqualTo(1);
    assertThat(value("gen_ai_client_token_usage_count"))
        .as("input and output of 3 replies")
        .isEqualTo(6);
    assertThat(value("shortlease_model_calls_active")).isZero();
    assertThat(
            value(
                "shortlease_http_responses_total{method=\"GET\",route=\"/admin/pool\","
                    + "status=\"401\""))
        .isEqualTo(1);
    assertThat(
            value(
                "shortlease_http_responses_total{method=\"POST\","
                    + "route=\"/v1/chat-messages\",status=\"200\""))
        .isEqualTo(3);
    assertThat(
            value(
                "shortlease_http_responses_total{method=\"GET\",route=\"unmatched\",status=\"404\""))
        .as("a path no route matches: one series, not one per path")
        .isEqualTo(1);
  }

  @Test
  @DisplayName("the acquire and lease histograms have buckets down to 10 µs, not Micrometer's 1 ms")
  void poolHistogramsResolveBelowAMillisecond() {
    // Acquires take tens of microseconds: with 1 ms as the first bucket, Grafana's p50 of them
    // is an interpolation inside that bucket, tens of times the real value.
    for (String histogram :
        List.of(
            "hikaricp_connections_acquire_seconds_bucket",
            "guardrails_connections_lease_seconds_bucket")) {
      double smallest =
          scrape
              .lines()
              .filter(line -> line.startsWith(histogram + "{"))
              .map(line -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
              .filter(le -> !le.equals("+Inf"))
              .mapToDouble(Double::parseDouble)
              .min()
              .orElseThrow();
      assertThat(smallest).as(histogram + "'s smallest bucket").isLessThanOrEqualTo(1e-5);
    }
  }

  @Test
  @DisplayName("every metric a Grafana panel queries is exported; the datasource is a variable")
  void grafanaQueriesExportedMetrics() throws IOException {
    Path file = repository().resolve("deploy/grafana/shortlease.json");
    JsonNode dashboard = GrafanaQueries.read(file);
    List<String> exprs = GrafanaQueries.expressions(dashboard);
    assertThat(exprs).hasSizeGreaterThanOrEqualTo(8);
    Set<String> used = new TreeSet<>();
    exprs.forEach(expr -> used.addAll(GrafanaQueries.metricNames(expr)));
    assertThat(used)
        .as("metrics the dashboard queries")
        .contains(
            "shortlease_chats_running",
            "hikaricp_connections_active",
            "hikaricp_connections_idle",
            "hikaricp_connections_pending",
            "guardrails_connections_lease_seconds_bucket",
            "hikaricp_connections_acquire_seconds_bucket",
            "gen_ai_client_operation_duration_seconds_bucket",
            "shortlease_http_responses_total",
            "guardrails_acquiring_stacks_recorded");
    assertThat(ObservedService.sampleNames(scrape))
        .as("series on /metrics after chats")
        .containsAll(used);
    JsonNode variable = dashboard.path("templating").path("list").get(0);
    assertThat(variable.path("type").asText()).isEqualTo("datasource");
    assertThat(variable.path("query").asText()).isEqualTo("prometheus");
    assertThat(dashboard.findValues("datasource"))
        .filteredOn(JsonNode::isObject)
        .allSatisfy(ds -> assertThat(ds.path("uid").asText()).isEqualTo("${datasource}"));
  }

  @Test
  @DisplayName("every metric an alert rule queries is exported")
  void alertRulesQueryExportedMetrics() throws IOException {
    Set<String> used = new TreeSet<>();
    for (String line : Files.readAllLines(ALERT_RULES, StandardCharsets.UTF_8)) {
      Matcher expr = RULE_EXPR.matcher(line);
      if (expr.find()) {
        used.addAll(GrafanaQueries.metricNames(expr.group(1)));
      }
    }
    assertThat(used)
        .as("metrics the alert rules query")
        .contains(
            "shortlease_answers_spooled",
            "hikaricp_connections_timeout_total",
            "guardrails_long_call_violations_total",
            "guardrails_connection_leaks_total",
            "shortlease_image_lookups_abandoned_total");
    assertThat(ObservedService.sampleNames(scrape))
        .as("series on /metrics after chats")
        .containsAll(used);
  }

  @Test
  @DisplayName(
      "the alert rules pass promtool check rules and their unit tests (promtool test rules)")
  void alertRulesPassPromtool() throws IOException, InterruptedException {
    Path promtool = RequiredProgram.require(PROMTOOL, "prometheus");
    assertThat(promtoolOn(promtool, "check", "rules", ALERT_RULES.toString()))
        .contains("SUCCESS: 5 rules found");
    assertThat(
            promtoolOn(
                promtool,
                "test",
                "rules",
                ALERT_RULES.resolveSibling("shortlease-rules.test.yml").toString()))
        .contains("SUCCESS");
  }

  @Test
  @DisplayName("every alert has a unit test where it fires and one where it stays quiet")
  void everyAlertIsTestedBothWays() throws IOException {
    Set<String> alerts = new TreeSet<>();
    for (String line : Files.readAllLines(ALERT_RULES, StandardCharsets.UTF_8)) {
      Matcher alert = RULE_ALERT.matcher(line);
      if (alert.find()) {
        alerts.add(alert.group(1));
      }
    }
    assertThat(alerts).hasSize(5);
    Set<String> fires = new TreeSet<>();
    Set<String> quiet = new TreeSet<>();
    List<String> cases =
        Files.readAllLines(
            ALERT_RULES.resolveSibling("shortlease-rules.test.yml"), StandardCharsets.UTF_8);
    for (int i = 0; i + 1 < cases.size(); i++) {
      Matcher name = CASE_ALERT.matcher(cases.get(i));
      String expected = cases.get(i + 1).strip();
      if (name.find() && expected.startsWith("exp_alerts:")) {
        (expected.equals("exp_alerts: []") ? quiet : fires).add(name.group(1));
      }
    }
    assertThat(fires).as("alerts with a case where they fire").isEqualTo(alerts);
    assertThat(quiet).as("alerts with a case where they stay quiet").isEqualTo(alerts);
  }

  @Test
  @DisplayName("the PromQL reader finds metric names, not functions, labels or keywords")
  void promqlReaderTellsNamesApart() {
    assertThat(
            GrafanaQueries.metricNames(
                "histogram_quantile(0.95, sum by (le) (rate(a_bucket{x=\"y z\"}[$__rate_interval])))"
                    + " / on (pool) b_total offset 5m + 1e3"))
        .containsExactly("a_bucket", "b_total");
  }

  static Path repository() {
    return Path.of(System.getProperty("user.dir")).getParent();
  }

  /** The sum of every sample whose line starts with {@code prefix} (label order as exported). */
  private static double value(String prefix) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(prefix) && !line.startsWith("#"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  static Set<String> documentedMetrics() throws IOException {
    Path doc = repository().resolve("docs/observability.md");
    Set<String> names = new TreeSet<>();
    boolean inMetrics = false;
    for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
      if (line.startsWith("## ")) {
        inMetrics = line.equals("## Metrics");
      } else if (inMetrics) {
        Matcher row = DOC_ROW.matcher(line);
        if (row.find()) {
          names.add(row.group(1));
        }
      }
    }
    return names;
  }

  /** promtool's output for {@code args}; a non-zero exit fails with that output. */
  private static String promtoolOn(Path promtool, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(promtool.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("promtool took over 60 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("promtool %s: %s", String.join(" ", args), output).isZero();
    return output;
  }

  private static String promtool(Path promtool, String text)
      throws IOException, InterruptedException {
    Path input = Files.createTempFile("dash-metrics-", ".prom");
    try {
      Files.writeString(input, text, StandardCharsets.UTF_8);
      Process process =
          new ProcessBuilder(promtool.toString(), "check", "metrics")
              .redirectInput(input.toFile())
              .redirectErrorStream(true)
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("promtool took over 60 s");
      }
      return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    } finally {
      Files.deleteIfExists(input);
    }
  }
}
