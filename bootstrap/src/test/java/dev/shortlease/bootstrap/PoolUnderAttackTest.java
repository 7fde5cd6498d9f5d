package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The flood of {@code docs/limits.md}: up to 2,000 requests a second with made-up keys (some from a
 * few addresses, so the throttle bites; most from ever-new ones, so each costs a key read) and
 * readiness probes, while 50 real users stream chats. Outcomes, not timings, are asserted — a
 * loaded 2-core machine may not reach the target rate, and the rate reached is printed: no valid
 * request gets a 503, and every answer a client saw is in the database, {@code normal}, with that
 * text. About 15 s. Excluded with {@code -DexcludedGroups=load}.
 */
@Tag("load")
class PoolUnderAttackTest {
  private static final int TARGET_PER_SECOND = 2_000;
  private static final Duration FLOOD = Duration.ofSeconds(10);
  private static final int ATTACKERS = 64;
  private static final int USERS = 50;

  @Test
  @DisplayName("random keys at up to 2,000/s and readiness probes: 50 streaming users lose nothing")
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
      Flood flood = new Flood(server.baseUrl(), client);
      long end = System.nanoTime() + FLOOD.toNanos();

      List<Thread> attackers = new ArrayList<>();
      for (int i = 0; i < ATTACKERS; i++) {
        attackers.add(Thread.ofVirtual().start(() -> flood.run(end)));
      }
      Queue<String> problems = new ConcurrentLinkedQueue<>();
      Queue<Answer> answers = new ConcurrentLinkedQueue<>();
      List<Thread> users = new ArrayList<>();
      for (int i = 0; i < USERS; i++) {
        String user = "user-" + i;
        users.add(
            Thread.ofVirtual()
                .start(
                    () -> chatUntil(end, server.baseUrl(), client, app, user, answers, problems)));
      }
      for (Thread thread : attackers) {
        thread.join(Duration.ofSeconds(60));
      }
      for (Thread user : users) {
        user.join(Duration.ofSeconds(60));
      }

      double rate = flood.sent.get() / (double) FLOOD.toSeconds();
      System.out.printf(
          "flood: %d requests (%.0f/s, target %d/s, %.1f ms each on average): %s; %d answers"
              + " streamed; pool %s%n",
          flood.sent.get(),
          rate,
          TARGET_PER_SECOND,
          flood.waitedNanos.get() / 1e6 / Math.max(1, flood.sent.get()),
          flood.statuses,
          answers.size(),
          api.get("/admin/pool", TestServers.ADMIN_TOKEN).text());
      assertThat(problems).as("valid requests that failed").isEmpty();
      assertThat(answers).hasSizeGreaterThanOrEqualTo(USERS);
      assertThat(flood.statuses.keySet())
          .as("the flood got 401, 429 (throttled) or readiness 200, never a 503")
          .doesNotContain(503, 500);
      try (var checks = Executors.newVirtualThreadPerTaskExecutor()) {
        answers.forEach(answer -> checks.submit(() -> assertSaved(api, app, answer, problems)));
      }
      assertThat(problems).as("answers not in the database as the client saw them").isEmpty();
    }
  }

  /** One user's chats back to back until {@code end}; each streamed answer is recorded. */
  private static void chatUntil(
      long end,
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
    } while (System.nanoTime() < end);
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

  /** Closed-loop senders paced to the target rate between them. */
  private static final class Flood {
    private final String base;
    private final HttpClient client;
    private final long start = System.nanoTime();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong waitedNanos = new AtomicLong();
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

    Flood(String base, HttpClient client) {
      this.base = base;
      this.client = client;
    }

    void run(long end) {
      while (System.nanoTime() < end) {
        long n = sent.incrementAndGet();
        long due = start + n * 1_000_000_000L / TARGET_PER_SECOND;
        long early = due - System.nanoTime();
        if (early > 0) {
          try {
            Thread.sleep(Duration.ofNanos(early));
          } catch (InterruptedException e) {
            return;
          }
        }
        long sentAt = System.nanoTime();
        try {
          HttpResponse<Void> response =
              client.send(next(n), HttpResponse.BodyHandlers.discarding());
          waitedNanos.addAndGet(System.nanoTime() - sentAt);
          statuses
              .computeIfAbsent(response.statusCode(), s -> new AtomicInteger())
              .incrementAndGet();
        } catch (Exception e) {
          statuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
        }
      }
    }

    /**
     * One in ten a readiness probe; of the rest, a fifth from ten addresses, others from new ones.
     */
    private HttpRequest next(long n) {
      if (n % 10 == 0) {
        return HttpRequest.newBuilder(URI.create(base + "/health/ready"))
            .timeout(Duration.ofSeconds(30))
            .build();
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
      return HttpRequest.newBuilder(URI.create(base + "/v1/info"))
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer app-" + UUID.randomUUID())
          .header("X-Forwarded-For", address)
          .build();
    }
  }
}
