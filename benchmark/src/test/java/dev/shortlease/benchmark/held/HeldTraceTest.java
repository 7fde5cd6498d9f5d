package dev.shortlease.benchmark.held;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.bootstrap.Settings;
import dev.shortlease.bootstrap.ShortleaseServer;
import dev.shortlease.bootstrap.tracing.RecordedSpan;
import dev.shortlease.bootstrap.tracing.TraceTree;
import dev.shortlease.bootstrap.tracing.Tracing;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The held-session teaching variant, traced the same way as the service (ChatTraceTest): its one
 * connection lease covers the whole request, so the lease span overlaps the model call's span —
 * rule R3 broken, and visible — and the long-call guard's warning is an event of the trace.
 */
@DisplayName("Traces: the held variant's lease span covers the model call")
class HeldTraceTest {
  private static final String ADMIN_TOKEN = "admin-token-for-held-trace";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void heldLeaseCoversTheModelCall() throws Exception {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    HeldSessionTeachingModule held = new HeldSessionTeachingModule();
    try (Tracing tracing = Tracing.using(SimpleSpanProcessor.create(exporter));
        ShortleaseServer server =
            ShortleaseServer.startTraced(
                Settings.fromEnvironment(env()), held.dataSourceDecorator(), tracing, held)) {
      String base = server.baseUrl();
      String created =
          post(base + "/admin/apps", ADMIN_TOKEN, "{\"name\":\"held\",\"mode\":\"chat\"}");
      String key = field(created, "api_key");
      String answer =
          post(
              base + "/v1/chat-messages",
              key,
              "{\"inputs\":{},\"query\":\"Hello\",\"response_mode\":\"streaming\","
                  + "\"user\":\"held\",\"auto_generate_name\":false}");
      assertThat(answer).contains("message_end");

      SpanData root = awaitServerSpan(exporter);
      List<RecordedSpan> trace =
          exporter.getFinishedSpanItems().stream()
              .filter(s -> s.getTraceId().equals(root.getTraceId()))
              .map(RecordedSpan::of)
              .toList();
      String tree = TraceTree.render(trace);
      System.out.println("example trace (held variant):\n" + tree);

      RecordedSpan model =
          trace.stream().filter(s -> s.kind().equals("model")).findFirst().orElseThrow();
      List<RecordedSpan> covering =
          trace.stream()
              .filter(s -> s.kind().equals("lease"))
              .filter(
                  lease ->
                      lease.startEpochNanos() <= model.startEpochNanos()
                          && lease.endEpochNanos() >= model.endEpochNanos())
              .toList();
      assertThat(covering).as(tree).hasSize(1);
      assertThat(covering.getFirst().parentSpanId()).as(tree).isEqualTo(root.getSpanId());
      assertThat(trace).as(tree).anyMatch(s -> s.events().contains("guard.violation"));
    }
  }

  private static SpanData awaitServerSpan(InMemorySpanExporter exporter)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      for (SpanData span : exporter.getFinishedSpanItems()) {
        if (span.getName().equals("POST /v1/chat-messages")) {
          Thread.sleep(200); // the held connection goes back after the stream's last event
          return span;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no server span");
  }

  private static Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("HOST", "127.0.0.1");
    env.put("PORT", "0");
    env.put("ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("DATABASE_URL", "jdbc:h2:mem:held-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    env.put("DB_POOL_SIZE", "4");
    env.put("SIMULATED_TTFT_MS", "60");
    env.put("SIMULATED_TOKENS_PER_SECOND", "200");
    env.put("SIMULATED_ANSWER_TOKENS", "6");
    env.put("SHUTDOWN_GRACE_SECONDS", "1");
    env.put("DEMO_APP", "false");
    String tmp = System.getProperty("java.io.tmpdir");
    env.put("ANSWER_SPOOL_DIR", tmp + "/held-trace-spool-" + UUID.randomUUID());
    env.put("FILES_DIR", tmp + "/held-trace-files-" + UUID.randomUUID());
    env.put("GUARD_MODE", "warn"); // strict would refuse the held variant's model call
    return env;
  }

  private static String post(String url, String token, String json) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    return response.body();
  }

  private static String field(String json, String name) {
    Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    assertThat(matcher.find()).as(json).isTrue();
    return matcher.group(1);
  }
}
