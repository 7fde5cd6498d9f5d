package dev.shortlease.benchmark.springosiv;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The peer against PostgreSQL: a streaming chat gives Dify's events and saves the answer, and — the
 * property that makes it the connection-per-request peer — open-session-in-view keeps the request's
 * connection checked out while the model works. The same application with {@code
 * spring.jpa.open-in-view=false} is the control: there the pool is idle during the model wait. The
 * third application streams through a {@code StreamingResponseBody} instead of an {@code
 * SseEmitter} ({@code peer.response=body}).
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OsivChatApplicationTest {

  private static final String ADMIN_TOKEN = "test-admin-token";
  private static final int ANSWER_TOKENS = 5;
  private static final long TTFT_MS = 1500;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private TestDatabase database;
  private ConfigurableApplicationContext osiv;
  private ConfigurableApplicationContext noOsiv;
  private ConfigurableApplicationContext osivBody;

  /**
   * Once, before the first test: per test rather than in {@code @BeforeAll}, so that without a
   * database every test is reported skipped with the notice (an aborted {@code @BeforeAll} is not).
   */
  @BeforeEach
  void start() throws Exception {
    if (database == null) {
      database = TestDatabase.create();
    }
    if (osiv == null) {
      osiv = start(true, "emitter");
      noOsiv = start(false, "emitter");
      osivBody = start(true, "body");
    }
  }

  @AfterAll
  void stop() throws Exception {
    for (ConfigurableApplicationContext context :
        new ConfigurableApplicationContext[] {osiv, noOsiv, osivBody}) {
      if (context != null) {
        context.close();
      }
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void streamingChatSendsMessageChunksThenMessageEndAndSavesTheAnswer() throws Exception {
    assertStreamsAndSaves(osiv, "u-stream");
  }

  @Test
  void aStreamedResponseBodySendsTheSameEventsAndSavesTheAnswer() throws Exception {
    assertStreamsAndSaves(osivBody, "u-stream-body");
  }

  private void assertStreamsAndSaves(ConfigurableApplicationContext app, String user)
      throws Exception {
    String key = createApp(app);
    List<JsonNode> events = chat(app, key, user, "hello peer").join();

    assertThat(events).hasSize(ANSWER_TOKENS + 1);
    List<JsonNode> chunks = events.subList(0, ANSWER_TOKENS);
    assertThat(chunks).allSatisfy(e -> assertThat(e.path("event").asString()).isEqualTo("message"));
    JsonNode end = events.get(ANSWER_TOKENS);
    assertThat(end.path("event").asString()).isEqualTo("message_end");
    String messageId = end.path("message_id").asString();
    assertThat(chunks).allSatisfy(e -> assertThat(e.path("id").asString()).isEqualTo(messageId));
    assertThat(end.path("metadata").path("usage").path("completion_tokens").asInt())
        .isEqualTo(ANSWER_TOKENS);
    StringBuilder answer = new StringBuilder();
    chunks.forEach(e -> answer.append(e.path("answer").asString()));

    try (Connection c = DriverManager.getConnection(database.url());
        PreparedStatement s =
            c.prepareStatement("select status, answer from message where id = ?::uuid")) {
      s.setString(1, messageId);
      try (ResultSet row = s.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString("status")).isEqualTo("NORMAL");
        assertThat(row.getString("answer")).isEqualTo(answer.toString()).isNotBlank();
      }
    }
  }

  @Test
  void aBadKeyIsRefusedInDifysErrorShape() throws Exception {
    HttpResponse<String> response =
        http.send(
            chatRequest(osiv, "app-not-a-key", "u-bad", "hi"),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json.readTree(response.body()).path("code").asString()).isEqualTo("unauthorized");
  }

  @Test
  void openSessionInViewHoldsTheRequestsConnectionWhileTheModelWorks() throws Exception {
    assertThat(activeDuringModelWait(osiv, "u-osiv")).isNotEmpty().containsOnly(1);
  }

  @Test
  void withoutOpenSessionInViewThePoolIsIdleWhileTheModelWorks() throws Exception {
    assertThat(activeDuringModelWait(noOsiv, "u-no-osiv")).isNotEmpty().containsOnly(0);
  }

  /**
   * Why the peer collapses at {@code C >= P} rather than serving {@code P / L}: the request's
   * connection stays out, and the final save, on the streaming thread, borrows a second one. With
   * one connection free, it waits for itself until the acquire timeout and the chat fails.
   */
  @Test
  void theFinalSaveNeedsASecondConnectionWhileOpenSessionInViewHoldsTheFirst() throws Exception {
    List<JsonNode> events = chatWithOneFreeConnection(osiv, "u-one-free-osiv");
    assertThat(events)
        .last()
        .satisfies(
            e -> {
              assertThat(e.path("event").asString()).isEqualTo("error");
              assertThat(e.path("status").asInt()).isEqualTo(503);
            });
  }

  @Test
  void aStreamedResponseBodyKeepsTheRequestsConnectionWhileTheModelWorks() throws Exception {
    assertThat(activeDuringModelWait(osivBody, "u-osiv-body")).isNotEmpty().containsOnly(1);
  }

  /**
   * Why the {@code StreamingResponseBody} shape reaches {@code P / L}: Spring runs the body as a
   * {@code Callable}, open-session-in-view binds the request's {@code EntityManager} to its thread,
   * and the final save uses the connection the request already holds.
   */
  @Test
  void aStreamedResponseBodySavesTheAnswerOnTheConnectionItHolds() throws Exception {
    List<JsonNode> events = chatWithOneFreeConnection(osivBody, "u-one-free-osiv-body");
    assertThat(events)
        .last()
        .satisfies(e -> assertThat(e.path("event").asString()).isEqualTo("message_end"));
  }

  @Test
  void withoutOpenSessionInViewOneFreeConnectionServesTheChat() throws Exception {
    List<JsonNode> events = chatWithOneFreeConnection(noOsiv, "u-one-free-no-osiv");
    assertThat(events)
        .last()
        .satisfies(e -> assertThat(e.path("event").asString()).isEqualTo("message_end"));
  }

  /** One chat while the test itself holds all but one of the pool's connections. */
  private List<JsonNode> chatWithOneFreeConnection(ConfigurableApplicationContext app, String user)
      throws Exception {
    String key = createApp(app);
    HikariDataSource pool = app.getBean(HikariDataSource.class);
    List<Connection> held = new ArrayList<>();
    try {
      while (held.size() < pool.getMaximumPoolSize() - 1) {
        held.add(pool.getConnection());
      }
      return chat(app, key, user, "one connection left").join();
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }
  }

  /**
   * Starts one chat and samples the pool's active connections from the moment its message row is
   * {@code RUNNING} (T2 committed, the model called) until shortly before the first token.
   */
  private List<Integer> activeDuringModelWait(ConfigurableApplicationContext app, String user)
      throws Exception {
    String key = createApp(app);
    HikariDataSource pool = app.getBean(HikariDataSource.class);
    CompletableFuture<List<JsonNode>> chat = chat(app, key, user, "are you holding it");
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!runningMessageOf(user) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    long sampleUntil = System.nanoTime() + (TTFT_MS / 2) * 1_000_000;
    List<Integer> active = new ArrayList<>();
    while (System.nanoTime() < sampleUntil && !chat.isDone()) {
      active.add(pool.getHikariPoolMXBean().getActiveConnections());
      Thread.sleep(25);
    }
    assertThat(chat.join())
        .last()
        .satisfies(e -> assertThat(e.path("event").asString()).isEqualTo("message_end"));
    return active;
  }

  private boolean runningMessageOf(String user) throws Exception {
    try (Connection c = DriverManager.getConnection(database.url());
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from message m join end_user u on u.id = m.end_user_id"
                    + " where u.external_id = ? and m.status = 'RUNNING'")) {
      s.setString(1, user);
      try (ResultSet row = s.executeQuery()) {
        row.next();
        return row.getInt(1) > 0;
      }
    }
  }

  private ConfigurableApplicationContext start(boolean openInView, String response) {
    // Command-line arguments: they outrank application.properties (server.port=${PORT:8080}).
    return new SpringApplicationBuilder(OsivChatApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + database.url(),
            "--spring.datasource.hikari.maximum-pool-size=4",
            "--spring.datasource.hikari.connection-timeout=1000",
            "--spring.jpa.open-in-view=" + openInView,
            "--peer.response=" + response,
            "--admin.token=" + ADMIN_TOKEN,
            "--simulated.time-to-first-token=" + TTFT_MS + "ms",
            "--simulated.tokens-per-second=50",
            "--simulated.answer-tokens=" + ANSWER_TOKENS);
  }

  private String createApp(ConfigurableApplicationContext app) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(base(app).resolve("/admin/apps"))
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"t\",\"mode\":\"chat\"}"))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(201);
    return json.readTree(response.body()).path("api_key").asString();
  }

  /** The chat's events, parsed from the stream's {@code data:} lines. */
  private CompletableFuture<List<JsonNode>> chat(
      ConfigurableApplicationContext app, String key, String user, String query) {
    return http.sendAsync(chatRequest(app, key, user, query), HttpResponse.BodyHandlers.ofLines())
        .thenApply(
            response -> {
              assertThat(response.statusCode()).isEqualTo(200);
              return response
                  .body()
                  .filter(line -> line.startsWith("data:"))
                  .map(line -> json.readTree(line.substring(5).trim()))
                  .toList();
            });
  }

  private HttpRequest chatRequest(
      ConfigurableApplicationContext app, String key, String user, String query) {
    String body =
        json.writeValueAsString(
            java.util.Map.of(
                "inputs",
                java.util.Map.of(),
                "query",
                query,
                "response_mode",
                "streaming",
                "user",
                user,
                "auto_generate_name",
                false));
    return HttpRequest.newBuilder(base(app).resolve("/v1/chat-messages"))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .header("Accept", "text/event-stream") // as the benchmark's client sends it
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static URI base(ConfigurableApplicationContext app) {
    return URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
  }
}
