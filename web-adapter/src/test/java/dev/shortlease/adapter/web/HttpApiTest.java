package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.domain.AgentThoughtId;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.TokenUsage;
import dev.shortlease.domain.ToolInput;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The HTTP adapter alone, over real HTTP, with stubbed use cases. */
class HttpApiTest {
  private final StubUseCases stubs = new StubUseCases();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private HttpApi api;

  @BeforeEach
  void start() {
    WebSettings settings =
        new WebSettings(StubUseCases.ADMIN_TOKEN)
            .withPingInterval(Duration.ofMillis(100))
            .withMaxBodyBytes(4096);
    api = stubs.api(settings).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    api.stop();
  }

  @Test
  @DisplayName(
      "connections keep no header cache: ~20 KiB per open stream, 200 MiB of heap at 10,000")
  void noPerConnectionHeaderCache() {
    assertThat(api.headerCacheSize()).isZero();
  }

  @Test
  @DisplayName("a streaming chat sends data events in order, pings while quiet, and ends")
  void streamsEventsAndPings() throws Exception {
    StubRun run = new StubRun(stubs.chatApp.mode());
    stubs.nextRun.set(run);
    Thread.ofVirtual()
        .start(
            () -> {
              sleep(350); // quiet long enough for pings
              run.events.add(new ChatEvent.TextChunk("Hel"));
              run.events.add(new ChatEvent.TextChunk("lo"));
              run.events.add(
                  new ChatEvent.MessageEnd(
                      new TokenUsage(3, 2), Duration.ofMillis(1500), MessageStatus.NORMAL));
            });

    HttpResponse<String> response =
        client.send(
            post("/v1/chat-messages", StubUseCases.CHAT_KEY, chatBody("streaming")),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    assertThat(response.body()).contains("event: ping\n\n");
    List<JsonNode> events = dataEvents(response.body());
    assertThat(events)
        .extracting(e -> e.get("event").asText())
        .containsExactly("message", "message", "message_end");
    JsonNode first = events.get(0);
    assertThat(first.get("answer").asText()).isEqualTo("Hel");
    assertThat(first.get("task_id").asText()).isEqualTo(run.taskId.toString());
    assertThat(first.get("message_id").asText()).isEqualTo(run.messageId.toString());
    assertThat(first.get("conversation_id").asText()).isEqualTo(run.conversationId.toString());
    assertThat(first.get("created_at").isIntegralNumber()).isTrue();
    assertThat(first.get("created_at").asLong()).isEqualTo(1_705_407_629L);
    JsonNode usage = events.get(2).get("metadata").get("usage");
    assertThat(usage.get("total_tokens").asInt()).isEqualTo(5);
    assertThat(usage.get("latency").asDouble()).isEqualTo(1.5);
  }

  @Test
  @DisplayName("a client that closes the stream mid-way disconnects the run")
  void disconnectStopsTheRun() throws Exception {
    StubRun run = new StubRun(stubs.chatApp.mode());
    run.endless = true;
    stubs.nextRun.set(run);

    HttpResponse<InputStream> response =
        client.send(
            post("/v1/chat-messages", StubUseCases.CHAT_KEY, chatBody("streaming")),
            HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      assertThat(reader.readLine()).startsWith("data: ");
    }

    assertThat(run.disconnected.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  @DisplayName("a stream whose run never ends meets its deadline: an error event, run disconnected")
  void streamDeadline() throws Exception {
    api.stop();
    api =
        stubs
            .api(
                new WebSettings(StubUseCases.ADMIN_TOKEN)
                    .withPingInterval(Duration.ofMillis(100))
                    .withBlockingTimeout(Duration.ofMillis(700)))
            .start("127.0.0.1", 0);
    StubRun run = new StubRun(stubs.chatApp.mode()); // no events: a run that died silently
    stubs.nextRun.set(run);

    long start = System.nanoTime();
    HttpResponse<String> response =
        send(post("/v1/chat-messages", StubUseCases.CHAT_KEY, chatBody("streaming")));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(response.body()).contains("event: ping");
    List<JsonNode> events = dataEvents(response.body());
    assertThat(events).hasSize(1);
    assertThat(events.getFirst().get("event").asText()).isEqualTo("error");
    assertThat(events.getFirst().get("code").asText()).isEqualTo("gateway_timeout");
    assertThat(run.disconnected.getCount()).isZero();
  }

  @Test
  @DisplayName("a blocking chat answers one JSON object with the whole answer")
  void blockingAnswer() throws Exception {
    StubRun run = new StubRun(stubs.chatApp.mode());
    run.events.add(new ChatEvent.TextChunk("Hi "));
    run.events.add(new ChatEvent.TextChunk("there"));
    run.events.add(new ChatEvent.MessageEnd(TokenUsage.NONE, Duration.ZERO, MessageStatus.NORMAL));
    stubs.nextRun.set(run);

    HttpResponse<String> response =
        client.send(
            post("/v1/chat-messages", StubUseCases.CHAT_KEY, chatBody("blocking")),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = Json.MAPPER.readTree(response.body());
    assertThat(body.get("event").asText()).isEqualTo("message");
    assertThat(body.get("answer").asText()).isEqualTo("Hi there");
    assertThat(body.get("mode").asText()).isEqualTo("chat");
    assertThat(body.get("id").asText()).isEqualTo(run.messageId.toString());
    assertThat(stubs.lastCommand.get().inputs()).containsEntry("city", "Paris");
  }

  @Test
  @DisplayName("an agent_thought event carries tool_input and observation as Dify's JSON strings")
  void agentThoughtOnTheWire() throws Exception {
    StubRun run = new StubRun(stubs.chatApp.mode());
    AgentThoughtId thought = AgentThoughtId.random();
    ToolInput input = new ToolInput(Map.of("current_time", Map.of("timezone", "UTC")));
    run.events.add(
        new ChatEvent.AgentThoughtEvent(
            thought, 1, "Let me check.", "current_time", input, Map.of()));
    run.events.add(
        new ChatEvent.AgentThoughtEvent(
            thought, 1, "Let me check.", "current_time", input, Map.of("current_time", "12:00")));
    run.events.add(new ChatEvent.MessageEnd(TokenUsage.NONE, Duration.ZERO, MessageStatus.NORMAL));
    stubs.nextRun.set(run);

    HttpResponse<String> response =
        client.send(
            post("/v1/chat-messages", StubUseCases.CHAT_KEY, chatBody("streaming")),
            HttpResponse.BodyHandlers.ofString());

    List<JsonNode> events = dataEvents(response.body());
    assertThat(events)
        .extracting(e -> e.get("event").asText())
        .containsExactly("agent_thought", "agent_thought", "message_end");
    JsonNode inserted = events.get(0);
    assertThat(inserted.get("id").asText()).isEqualTo(thought.toString());
    assertThat(inserted.get("tool").asText()).isEqualTo("current_time");
    assertThat(inserted.get("tool_input").asText())
        .isEqualTo("{\"current_time\": {\"timezone\": \"UTC\"}}");
    assertThat(inserted.get("observation").asText()).isEmpty();
    assertThat(events.get(1).get("observation").asText())
        .isEqualTo("{\"current_time\": \"12:00\"}");
  }

  @Test
  @DisplayName(
      "a provider's rate limit in blocking mode is Dify's 400 completion_request_error, with a"
          + " fixed message")
  void blockingFailure() throws Exception {
    StubRun run = new StubRun(stubs.chatApp.mode());
    run.events.add(
        ChatEvent.Failed.model(ModelErrorKind.RATE_LIMITED, "slow down, says llm.internal"));
    stubs.nextRun.set(run);

    HttpResponse<String> response =
        client.send(
            post("/v1/chat-messages", StubUseCases.CHAT_KEY, chatBody("blocking")),
            HttpResponse.BodyHandlers.ofString());

    assertError(response, 400, "completion_request_error");
    assertThat(message(response)).isEqualTo("Completion request failed.");
    assertThat(response.headers().firstValue(RequestIds.HEADER)).isPresent();
  }

  @Test
  @DisplayName("errors come in Dify's shape, name the bad field, and never leak internals")
  void errorShapes() throws Exception {
    assertError(send(post("/v1/chat-messages", null, chatBody("blocking"))), 401, "unauthorized");
    assertError(
        send(post("/v1/chat-messages", "wrong", chatBody("blocking"))), 401, "unauthorized");
    assertError(
        send(post("/v1/chat-messages", StubUseCases.CHAT_KEY, "{not json")), 400, "bad_request");
    HttpResponse<String> noUser =
        send(post("/v1/chat-messages", StubUseCases.CHAT_KEY, "{\"query\":\"hi\"}"));
    assertError(noUser, 400, "invalid_param");
    assertThat(message(noUser)).contains("user");
    HttpResponse<String> badId =
        send(
            post(
                "/v1/chat-messages",
                StubUseCases.CHAT_KEY,
                "{\"query\":\"hi\",\"user\":\"u\",\"conversation_id\":\"nope\"}"));
    assertError(badId, 400, "invalid_param");
    assertThat(message(badId)).contains("conversation_id");
    assertError(
        send(
            post(
                "/v1/chat-messages",
                StubUseCases.CHAT_KEY,
                "{\"query\":\"" + "x".repeat(5000) + "\"}")),
        413,
        "request_entity_too_large");
    assertError(
        send(post("/v1/chat-messages", StubUseCases.COMPLETION_KEY, chatBody("blocking"))),
        400,
        "not_chat_app");
    assertError(
        send(post("/v1/completion-messages", StubUseCases.CHAT_KEY, chatBody("blocking"))),
        400,
        "app_unavailable");
    assertError(
        send(get("/v1/conversations?limit=0", StubUseCases.CHAT_KEY)), 400, "invalid_param");
    assertError(
        send(get("/v1/conversations?limit=abc", StubUseCases.CHAT_KEY)), 400, "invalid_param");
    assertError(send(get("/v1/nowhere", StubUseCases.CHAT_KEY)), 404, "not_found");
    assertError(
        send(
            get(
                "/v1/messages?conversation_id=" + StubUseCases.anyConversation(),
                StubUseCases.CHAT_KEY)),
        404,
        "not_found");

    HttpResponse<String> crash = send(get("/v1/conversations?user=crash", StubUseCases.CHAT_KEY));
    assertError(crash, 500, "internal_server_error");
    assertThat(crash.body())
        .doesNotContain("secret")
        .doesNotContain("Exception")
        .doesNotContain("at ");

    HttpResponse<String> busy = send(get("/v1/conversations?user=busy", StubUseCases.CHAT_KEY));
    assertError(busy, 503, "service_unavailable");
    assertThat(busy.headers().firstValue("Retry-After")).contains("1");
  }

  @Test
  @DisplayName("meta draws each tool the use case names as Dify's emoji-on-colour icon")
  void metaToolIcons() throws Exception {
    HttpResponse<String> meta = send(get("/v1/meta", StubUseCases.CHAT_KEY));

    assertThat(meta.statusCode()).isEqualTo(200);
    JsonNode icon = Json.MAPPER.readTree(meta.body()).at("/tool_icons/current_time");
    assertThat(icon.get("background").asText()).isEqualTo("#E0F2FE");
    assertThat(icon.get("content").asText()).isEqualTo("\uD83D\uDD52");
  }

  @Test
  @DisplayName("a chat start beyond the admission line is 503 with Retry-After, nothing started")
  void admissionLineFull() throws Exception {
    stubs.admissionFull.set(true);

    HttpResponse<String> busy =
        send(post("/v1/chat-messages", StubUseCases.CHAT_KEY, chatBody("streaming")));

    assertError(busy, 503, "service_unavailable");
    assertThat(busy.body()).contains("Too many chats");
    assertThat(busy.headers().firstValue("Retry-After")).contains("1");
    assertThat(stubs.lastCommand.get()).isNull();
  }

  @Test
  @DisplayName(
      "admin endpoints need the admin token; health is open; draining refuses new chats only")
  void adminAndHealth() throws Exception {
    assertError(send(get("/admin/pool", StubUseCases.CHAT_KEY)), 401, "unauthorized");
    HttpResponse<String> pool = send(get("/admin/pool", StubUseCases.ADMIN_TOKEN));
    assertThat(pool.statusCode()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(pool.body()).get("threads_waiting").asInt()).isZero();
    assertThat(send(get("/health/live", null)).statusCode()).isEqualTo(200);
    assertThat(send(get("/health/ready", null)).statusCode()).isEqualTo(200);
    assertThat(send(get("/metrics", null)).body()).startsWith("# metrics");

    api.beginDraining();

    assertThat(send(get("/health/ready", null)).statusCode()).isEqualTo(503);
    HttpResponse<String> refused =
        send(post("/v1/chat-messages", StubUseCases.CHAT_KEY, chatBody("streaming")));
    assertError(refused, 503, "service_unavailable");
    assertThat(refused.body()).contains("shutting down");
    assertThat(refused.headers().firstValue("Retry-After")).contains("1");
    assertThat(send(get("/v1/info", StubUseCases.CHAT_KEY)).statusCode()).isEqualTo(200);
    HttpResponse<String> stop =
        send(
            post(
                "/v1/chat-messages/" + java.util.UUID.randomUUID() + "/stop",
                StubUseCases.CHAT_KEY,
                "{\"user\": \"alice\"}"));
    assertThat(stop.statusCode()).as("stop requests still work while draining").isEqualTo(200);
  }

  @Test
  @DisplayName(
      "a chat refused by the service because its runs are being stopped is answered as while"
          + " draining")
  void refusedWhileStopping() throws Exception {
    stubs.shuttingDown.set(true);

    HttpResponse<String> refused =
        send(post("/v1/chat-messages", StubUseCases.CHAT_KEY, chatBody("streaming")));

    assertShuttingDown(refused);
    assertThat(stubs.lastCommand.get()).isNull();
  }

  @Test
  @DisplayName(
      "a chat the admission line refuses because shutdown closed it is answered as while"
          + " draining, before its key is looked up")
  void refusedByTheClosedLine() throws Exception {
    stubs.admission.close();

    HttpResponse<String> refused =
        send(post("/v1/chat-messages", StubUseCases.CHAT_KEY, chatBody("streaming")));

    assertShuttingDown(refused);
    assertThat(stubs.authentications).as("keys looked up").hasValue(0);
    assertThat(stubs.lastCommand.get()).isNull();
  }

  /** The answer a chat gets once shutdown has begun: 503, retry soon, on another connection. */
  private static void assertShuttingDown(HttpResponse<String> refused) throws Exception {
    assertError(refused, 503, "service_unavailable");
    assertThat(refused.body()).contains("shutting down");
    assertThat(refused.headers().firstValue("Retry-After")).contains("1");
    assertThat(refused.headers().firstValue("Connection")).contains("close");
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest post(String path, String key, String body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return (key == null ? builder : builder.header("Authorization", "Bearer " + key)).build();
  }

  private HttpRequest get(String path, String key) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).GET();
    return (key == null ? builder : builder.header("Authorization", "Bearer " + key)).build();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + api.port() + path);
  }

  private static String chatBody(String mode) {
    return "{\"query\":\"hi\",\"user\":\"u\",\"inputs\":{\"city\":\"Paris\"},\"response_mode\":\""
        + mode
        + "\"}";
  }

  private static void assertError(HttpResponse<String> response, int status, String code)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = Json.MAPPER.readTree(response.body());
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("code").asText()).isEqualTo(code);
    assertThat(body.get("message").asText()).isNotBlank();
  }

  private static String message(HttpResponse<String> response) throws Exception {
    return Json.MAPPER.readTree(response.body()).get("message").asText();
  }

  static List<JsonNode> dataEvents(String stream) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    for (String block : stream.split("\n\n")) {
      if (block.startsWith("data: ")) {
        events.add(Json.MAPPER.readTree(block.substring(6)));
      }
    }
    return events;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
