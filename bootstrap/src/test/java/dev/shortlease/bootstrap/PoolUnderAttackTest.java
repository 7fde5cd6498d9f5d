package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The flood of {@code docs/limits.md}: 2,000 requests a second for 10 s with made-up keys (some
 * from a few addresses, so the throttle bites; most from ever-new ones, so each costs a key read)
 * and readiness probes, sent open-loop on a schedule by {@link RawHttpFlood}, while 50 real users
 * stream chats until the flood's last answer. The client must keep its schedule (≥ 97.5 % of the
 * target rate offered; on a machine too loaded for that the test fails and says so) and every
 * request must be answered: the flood gets only 200 (readiness), 401 and 429, no valid request gets
 * a 503 or fails, and every answer a client saw is in the database with that text. The rate at
 * which the server answered and the load average are printed. About 20–40 s. Excluded with {@code
 * -DexcludedGroups=load}.
 */
@Tag("load")
class PoolUnderAttackTest {
  private static final int TARGET_PER_SECOND = 2_000;
  private static final Duration FLOOD = Duration.ofSeconds(10);
  private static final int CONNECTIONS = 8;
  private static final int USERS = 50;

  @Test
  @DisplayName("random keys at 2,000/s and readiness probes: 50 streaming users lose nothing")
  void floodOfMadeUpKeysLeavesRealWorkAlone() throws Exception {
    try (ShortleaseServer server =
        TestServers.simulated(
            Map.of(
                "TRUSTED_PROXIES", "127.0.0.1",
                "SIMULATED_TTFT_MS", "300",
                "SIMULATED_TOKENS_PER_SECOND", "20",
                "SIMULATED_ANSWER_TOKENS", "20"))) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("chat");
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(Executors.newVirtualThreadPerTaskExecutor())
              .build();
      AtomicBoolean floodOver = new AtomicBoolean();
      Queue<String> problems = new ConcurrentLinkedQueue<>();
      Queue<Answer> answers = new ConcurrentLinkedQueue<>();
      List<Thread> users = new ArrayList<>();
      for (int i = 0; i < USERS; i++) {
        String user = "user-" + i;
        users.add(
            Thread.ofVirtual()
                .start(
                    () ->
                        chatUntil(
                            floodOver, server.baseUrl(), client, app, user, answers, problems)));
      }
      RawHttpFlood.Outcome flood;
      try {
        flood =
            RawHttpFlood.run(
                URI.create(server.baseUrl()),
                TARGET_PER_SECOND,
                FLOOD,
                CONNECTIONS,
                PoolUnderAttackTest::attack);
      } finally {
        floodOver.set(true);
      }
      for (Thread user : users) {
        user.join(Duration.ofSeconds(60));
      }

      System.out.printf(
          "flood: %d of %d requests sent (%.0f/s offered, target %d/s, at most %d ms late;"
              + " client CPU %.1f s), %d answered (%.0f/s): %s; %d chats streamed; load average"
              + " %.1f on %d cores; pool %s%n",
          flood.sent(),
          flood.planned(),
          flood.offeredPerSecond(),
          TARGET_PER_SECOND,
          flood.maxLate().toMillis(),
          flood.cpu().toNanos() / 1e9,
          flood.answered(),
          flood.answeredPerSecond(),
          flood.statuses(),
          answers.size(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors(),
          api.get("/admin/pool", TestServers.ADMIN_TOKEN).text());
      assertThat(flood.errors()).as("flood connections that failed").isEmpty();
      assertThat(flood.offeredPerSecond())
          .as(
              "requests offered per second (%d of %d sent): this machine is too loaded for the"
                  + " client to keep its schedule, so the test did not do what it says",
              flood.sent(), flood.planned())
          .isGreaterThanOrEqualTo(TARGET_PER_SECOND * 0.975);
      assertThat(flood.answered()).as("flood requests answered").isEqualTo(flood.sent());
      assertThat(flood.statuses().keySet())
          .as("the flood got 401, 429 (throttled) and readiness 200, never a 503 or 500")
          .containsExactlyInAnyOrder(200, 401, 429);
      assertThat(problems).as("valid requests that failed").isEmpty();
      assertThat(answers).hasSizeGreaterThanOrEqualTo(USERS);
      try (var checks = Executors.newVirtualThreadPerTaskExecutor()) {
        answers.forEach(answer -> checks.submit(() -> assertSaved(api, app, answer, problems)));
      }
      assertThat(problems).as("answers not in the database as the client saw them").isEmpty();
    }
  }

  /**
   * One user's chats back to back until the flood is over (its last answer read); each streamed
   * answer is recorded.
   */
  private static void chatUntil(
      AtomicBoolean floodOver,
      String base,
      HttpClient client,
      Api.AppKey app,
      String user,
      Queue<Answer> answers,
      Queue<String> problems) {
    do {
      try {
        HttpResponse<InputStream> response =
            client.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/chat-messages"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + app.key())
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", "192.168.1." + user.substring(5))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            Api.chat(user, "Hello", "streaming", null)))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
          problems.add(
              user
                  + ": "
                  + response.statusCode()
                  + " "
                  + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
          return;
        }
        StringBuilder text = new StringBuilder();
        String messageId = null;
        String conversationId = null;
        boolean ended = false;
        try (BufferedReader events =
            new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = events.readLine()) != null) {
            if (!line.startsWith("data: ")) {
              continue;
            }
            JsonNode event = Api.JSON.readTree(line.substring(6));
            messageId = event.path("message_id").asText(messageId);
            conversationId = event.path("conversation_id").asText(conversationId);
            switch (event.get("event").asText()) {
              case "message" -> text.append(event.get("answer").asText());
              case "message_end" -> ended = true;
              default -> problems.add(user + ": " + event);
            }
          }
        }
        if (!ended) {
          problems.add(user + ": stream ended without message_end");
          return;
        }
        answers.add(new Answer(user, conversationId, messageId, text.toString()));
      } catch (Exception e) {
        problems.add(user + ": " + e);
        return;
      }
    } while (!floodOver.get());
  }

  /** What one client saw of one answer. */
  private record Answer(String user, String conversationId, String messageId, String text) {}

  private static void assertSaved(Api api, Api.AppKey app, Answer answer, Queue<String> problems) {
    JsonNode messages =
        api.get(
                "/v1/messages?user="
                    + answer.user()
                    + "&conversation_id="
                    + answer.conversationId()
                    + "&limit=100",
                app.key())
            .json()
            .get("data");
    for (JsonNode message : messages) {
      if (message.get("id").asText().equals(answer.messageId())) {
        if (!message.get("answer").asText().equals(answer.text())) {
          problems.add(answer + " saved as '" + message.get("answer").asText() + "'");
        }
        return;
      }
    }
    problems.add(answer + " not found");
  }

  /**
   * One in ten a readiness probe; of the rest, a fifth from ten addresses (throttled soon), the
   * others each from a new address with a new random key (each costs a key read).
   */
  private static RawHttpFlood.Request attack(long n) {
    if (n % 10 == 0) {
      return new RawHttpFlood.Request("/health/ready", List.of());
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String address =
        n % 5 == 0
            ? "10.0.0." + random.nextInt(10)
            : "10."
                + random.nextInt(1, 255)
                + "."
                + random.nextInt(256)
                + "."
                + random.nextInt(256);
    String key = "app-" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    return new RawHttpFlood.Request(
        "/v1/info", List.of("Authorization: Bearer " + key, "X-Forwarded-For: " + address));
  }
}
