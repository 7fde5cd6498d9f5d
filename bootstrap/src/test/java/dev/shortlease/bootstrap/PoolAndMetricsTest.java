package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.hang;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.application.testing.ScriptedChatModel;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.SpooledAnswer;
import dev.shortlease.domain.TokenUsage;
import dev.shortlease.domain.port.AnswerSpoolPort;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code /admin/pool} reads as the README says; {@code /metrics} shows the running chats. */
class PoolAndMetricsTest {

  @Test
  @DisplayName("/admin/pool: the README's fields, a stated window, no percentile above the max")
  void poolSnapshotIsReadable() {
    try (ShortleaseServer server = TestServers.simulated(java.util.Map.of())) {
      MeterRegistry registry = server.injector().getInstance(MeterRegistry.class);
      SplittableRandom random = new SplittableRandom(42);
      for (String name : List.of("guardrails.connections.lease", "hikaricp.connections.acquire")) {
        Timer timer = registry.find(name).timer();
        for (int i = 0; i < 2_000; i++) {
          // From 10 µs to 1 s, spread over the decades, as real leases are.
          timer.record(Duration.ofNanos((long) Math.pow(10, 4 + 5 * random.nextDouble())));
        }
      }

      JsonNode pool = new Api(server).get("/admin/pool", TestServers.ADMIN_TOKEN).json();

      List<String> fields = new ArrayList<>();
      pool.fieldNames().forEachRemaining(fields::add);
      assertThat(fields)
          .containsExactly(
              "max",
              "active",
              "idle",
              "total",
              "threads_waiting",
              "acquire_millis",
              "lease_millis",
              "percentile_window_seconds",
              "timeouts",
              "leaks",
              "guard_violations",
              "acquiring_stacks_recorded");
      assertThat(pool.get("percentile_window_seconds").asInt()).isEqualTo(60);
      assertThat(pool.get("acquiring_stacks_recorded").isBoolean()).isTrue();
      for (String timer : List.of("acquire_millis", "lease_millis")) {
        JsonNode p = pool.get(timer);
        assertThat(p.get("max").asDouble()).as(timer).isGreaterThan(100);
        assertThat(p.get("p50").asDouble()).as(timer).isLessThanOrEqualTo(p.get("p95").asDouble());
        assertThat(p.get("p95").asDouble()).as(timer).isLessThanOrEqualTo(p.get("p99").asDouble());
        assertThat(p.get("p99").asDouble())
            .as(pool.toString())
            .isLessThanOrEqualTo(p.get("max").asDouble());
      }
    }
  }

  @Test
  @DisplayName("/metrics shows the chats running right now")
  void runningChatsOnMetrics() throws Exception {
    ScriptedChatModel model = new ScriptedChatModel().then(hang("thinking "));
    try (ShortleaseServer server = TestServers.scripted(model)) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("chat");
      assertThat(runningChats(api)).isEqualTo("0.0");
      try (InputStream stream =
          api.stream("/v1/chat-messages", app.key(), Api.chat("u", "Go", "streaming", null))) {
        JsonNode first =
            Api.firstEvent(
                new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)));
        assertThat(runningChats(api)).isEqualTo("1.0");

        String task = first.get("task_id").asText();
        api.post("/v1/chat-messages/" + task + "/stop", app.key(), "{\"user\":\"u\"}");
        stream.readAllBytes();
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (!runningChats(api).equals("0.0") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(runningChats(api)).isEqualTo("0.0");
    }
  }

  @Test
  @DisplayName("/metrics counts the answers waiting in the spool")
  void spooledAnswersOnMetrics() {
    // A long lease spaces the heartbeats, so housekeeping does not replay the answer mid-test.
    try (ShortleaseServer server =
        TestServers.simulated(Map.of("INSTANCE_LEASE_SECONDS", "3600"))) {
      Api api = new Api(server);
      assertThat(metric(api, "shortlease_answers_spooled")).isEqualTo("0.0");

      server
          .injector()
          .getInstance(AnswerSpoolPort.class)
          .keep(
              new SpooledAnswer(
                  new Owner(new AppId(UUID.randomUUID()), new EndUserId(UUID.randomUUID())),
                  new MessageId(UUID.randomUUID()),
                  MessageOutcome.stopped("kept", TokenUsage.NONE, Duration.ofMillis(5))));

      assertThat(metric(api, "shortlease_answers_spooled")).isEqualTo("1.0");
    }
  }

  @Test
  @DisplayName("/metrics shows the image downloads' abandoned and running name lookups")
  void imageLookupsOnMetrics() {
    try (ShortleaseServer server = TestServers.simulated(Map.of())) {
      Api api = new Api(server);
      assertThat(metric(api, "shortlease_image_lookups_abandoned_total")).isEqualTo("0.0");
      assertThat(metric(api, "shortlease_image_lookups_active")).isEqualTo("0.0");
    }
  }

  private static String runningChats(Api api) {
    return metric(api, "shortlease_chats_running");
  }

  private static String metric(Api api, String name) {
    return api.get("/metrics", null)
        .text()
        .lines()
        .filter(line -> line.startsWith(name + " "))
        .map(line -> line.substring(name.length() + 1))
        .findFirst()
        .orElse("missing");
  }
}
