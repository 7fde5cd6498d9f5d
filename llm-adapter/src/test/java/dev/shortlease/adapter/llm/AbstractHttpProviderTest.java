package dev.shortlease.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortlease.adapter.llm.wire.FakeLlmServer;
import dev.shortlease.adapter.llm.wire.FakeLlmServer.Ending;
import dev.shortlease.adapter.llm.wire.FakeLlmServer.Reply;
import dev.shortlease.application.port.out.FinishReason;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.application.port.out.ToolCall;
import dev.shortlease.application.port.out.ToolSpec;
import dev.shortlease.domain.ModelSettings;
import dev.shortlease.domain.TokenUsage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * The LangChain4j adapter over a real provider client talking to a local fake server: the cases
 * every HTTP provider must handle. Subclasses supply the provider and its wire format.
 */
abstract class AbstractHttpProviderTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> TOKENS = List.of("Hello", ",", " short", " leases", "!");
  static final ToolSpec STATS_TOOL =
      new ToolSpec(
          "get_stats",
          "Returns pool statistics",
          Map.of(
              "type",
              "object",
              "properties",
              Map.of("period", Map.of("type", "string")),
              "required",
              List.of("period")));

  FakeLlmServer server;
  final List<String> sink = new CopyOnWriteArrayList<>();

  abstract LlmProvider provider();

  abstract String chatPath();

  abstract Reply text(List<String> tokens, int promptTokens);

  abstract Reply toolCall(String id, String name, String argumentsJson);

  abstract Reply malformedAfter(List<String> tokens);

  abstract Reply tokensOnly(List<String> tokens);

  /** An error response whose body says {@code what} the way this provider would. */
  abstract Reply error(int status, String what);

  @BeforeEach
  void startServer() {
    server = new FakeLlmServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  LangChain4jChatModel adapter(Duration silenceTimeout) {
    return adapter(server.baseUrl(), silenceTimeout);
  }

  LangChain4jChatModel adapter(String baseUrl, Duration silenceTimeout) {
    return LangChain4jChatModel.fromSettings(
        new LlmSettings(
            provider().id(),
            baseUrl,
            "sk-test-key",
            "configured-model",
            Duration.ofSeconds(2),
            silenceTimeout,
            0,
            1,
            1));
  }

  static ModelRequest request(ModelSettings settings, List<ToolSpec> tools) {
    return new ModelRequest(
        settings,
        List.of(new ModelMessage.System("Be brief."), new ModelMessage.User("Say hello")),
        tools);
  }

  /** The model error a plain chat on {@code model} ends in; fails the test if there is none. */
  ModelException failure(LangChain4jChatModel model) {
    try {
      chat(model, request(ModelSettings.DEFAULT, List.of()), StopSignal.never());
    } catch (ModelException e) {
      return e;
    }
    throw new AssertionError("expected a ModelException");
  }

  ModelReply chat(LangChain4jChatModel model, ModelRequest request, StopSignal stop) {
    return model.chat(request, sink::add, stop);
  }

  JsonNode lastRequestBody() throws IOException {
    List<FakeLlmServer.Recorded> requests = server.requests();
    return JSON.readTree(requests.get(requests.size() - 1).body());
  }

  @Test
  @DisplayName("streams each token to the sink as it arrives and returns text, usage and STOP")
  void streamsTokensAndReturnsTheWholeReply() {
    server.enqueue(text(TOKENS, 7));

    ModelReply reply =
        chat(
            adapter(Duration.ofSeconds(5)),
            request(ModelSettings.DEFAULT, List.of()),
            StopSignal.never());

    assertThat(sink).containsExactlyElementsOf(TOKENS);
    assertThat(reply.text()).isEqualTo("Hello, short leases!");
    assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(reply.usage()).isEqualTo(new TokenUsage(7, TOKENS.size()));
    assertThat(reply.toolCalls()).isEmpty();
  }

  @Test
  @DisplayName(
      "sends the conversation, the configured model and the tools to the provider's chat path")
  void sendsConversationModelAndTools() throws IOException {
    server.enqueue(text(TOKENS, 7));

    chat(
        adapter(Duration.ofSeconds(5)),
        request(ModelSettings.DEFAULT, List.of(STATS_TOOL)),
        StopSignal.never());

    assertThat(server.requests().get(0).path()).isEqualTo(chatPath());
    JsonNode body = lastRequestBody();
    assertThat(body.path("model").asText()).isEqualTo("configured-model");
    assertThat(body.path("stream").asBoolean()).isTrue();
    assertThat(body.path("messages")).hasSize(2);
    assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("Say hello");
    assertThat(body.path("tools").get(0).path("function").path("name").asText())
        .isEqualTo("get_stats");
    assertThat(
            body.path("tools")
                .get(0)
                .path("function")
                .path("parameters")
                .path("required")
                .get(0)
                .asText())
        .isEqualTo("period");
  }

  @Test
  @DisplayName("an app that names its own model gets that model instead of the configured one")
  void appModelOverridesTheConfiguredOne() throws IOException {
    server.enqueue(text(TOKENS, 7));

    chat(
        adapter(Duration.ofSeconds(5)),
        request(new ModelSettings("app-model", 0.2, 64), List.of()),
        StopSignal.never());

    assertThat(lastRequestBody().path("model").asText()).isEqualTo("app-model");
  }

  @Test
  @DisplayName("a streamed tool call becomes a ToolCall record with TOOL_CALLS as finish reason")
  void mapsAToolCall() {
    server.enqueue(toolCall("call_42", "get_stats", "{\"period\":\"today\"}"));

    ModelReply reply =
        chat(
            adapter(Duration.ofSeconds(5)),
            request(ModelSettings.DEFAULT, List.of(STATS_TOOL)),
            StopSignal.never());

    assertThat(reply.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(reply.toolCalls()).hasSize(1);
    ToolCall call = reply.toolCalls().get(0);
    assertThat(call.name()).isEqualTo("get_stats");
    assertThat(call.arguments().values()).isEqualTo(Map.of("period", "today"));
    assertThat(call.id()).isNotBlank();
  }

  @ParameterizedTest(name = "HTTP {0} ({1}) -> {2}")
  @CsvSource({
    "401, bad credentials, NOT_CONFIGURED",
    "403, forbidden, NOT_CONFIGURED",
    "404, unknown model, NOT_CONFIGURED",
    "429, rate limit, RATE_LIMITED",
    "429, quota, QUOTA_EXCEEDED",
    "500, server error, REQUEST_FAILED",
    "503, overloaded, REQUEST_FAILED"
  })
  @DisplayName("an HTTP error status maps to Dify's error kind")
  void mapsHttpErrors(int status, String what, ModelErrorKind expected) {
    server.enqueue(error(status, what));

    ModelException e = failure(adapter(Duration.ofSeconds(5)));
    assertThat(e.kind()).isEqualTo(expected);
    assertThat(e.getMessage()).contains(String.valueOf(status)).doesNotContain("sk-test-key");

    assertThat(sink).isEmpty();
  }

  @Test
  @DisplayName("a failure is logged with provider, redacted URL, model and cause")
  void failureIsLoggedForTheOperator() {
    server.enqueue(error(401, "bad credentials"));
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(LangChain4jChatModel.class);
    log.start();
    logger.addAppender(log);
    try {
      // The query string stands for a key some gateways take as a parameter.
      failure(adapter(server.baseUrl() + "?api-key=qk-hidden-123", Duration.ofSeconds(5)));
    } finally {
      logger.detachAppender(log);
    }
    assertThat(log.list).hasSize(1);
    ILoggingEvent event = log.list.get(0);
    assertThat(event.getLevel()).isEqualTo(Level.WARN);
    assertThat(event.getFormattedMessage())
        .contains("provider=" + provider().id())
        .contains("url=" + server.baseUrl())
        .contains("model=configured-model")
        .contains("NOT_CONFIGURED")
        .doesNotContain("qk-hidden-123")
        .doesNotContain("sk-test-key");
  }

  @Test
  @DisplayName("a provider's error text and an app's model name cannot forge log lines")
  void failureLogIsOneLine() {
    String forged = "\r\n12:00:00.000 [main] INFO  admin -- granted";
    server.enqueue(FakeLlmServer.Reply.error(502, "bad gateway" + forged));
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(LangChain4jChatModel.class);
    log.start();
    logger.addAppender(log);
    try {
      chat(
          adapter(Duration.ofSeconds(5)),
          request(new ModelSettings("gpt" + forged, null, null), List.of()),
          StopSignal.never());
    } catch (ModelException expected) {
      // the log line is what this test reads
    } finally {
      logger.detachAppender(log);
    }
    assertThat(log.list).hasSize(1);
    assertThat(log.list.get(0).getFormattedMessage())
        .doesNotContain("\n", "\r")
        .contains("model=gpt\\r\\n12:00:00.000")
        .contains("bad gateway\\r\\n12:00:00.000");
  }

  @Test
  @DisplayName("a malformed chunk fails as REQUEST_FAILED, keeping the tokens before it")
  void malformedChunkFails() {
    server.enqueue(malformedAfter(List.of("Hel", "lo")));

    ModelException e = failure(adapter(Duration.ofSeconds(1)));
    assertThat(e.kind()).isEqualTo(ModelErrorKind.REQUEST_FAILED);
    assertThat(sink).containsExactly("Hel", "lo");
  }

  @Test
  @DisplayName("a connection cut mid-stream fails as REQUEST_FAILED, keeping the tokens before it")
  void connectionCutFails() {
    server.enqueue(tokensOnly(List.of("Hel", "lo")).endingWith(Ending.CUT));

    ModelException e = failure(adapter(Duration.ofSeconds(5)));
    assertThat(e.kind()).isEqualTo(ModelErrorKind.REQUEST_FAILED);
    assertThat(sink).containsExactly("Hel", "lo");
  }

  @Test
  @DisplayName("silence past the timeout fails as REQUEST_FAILED and cancels the request")
  void silenceFails() {
    server.enqueue(tokensOnly(List.of("Hel", "lo")).endingWith(Ending.HANG));
    long start = System.nanoTime();

    ModelException e = failure(adapter(Duration.ofMillis(400)));
    assertThat(e.kind()).isEqualTo(ModelErrorKind.REQUEST_FAILED);
    assertThat(e.getMessage()).contains("400 ms");

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isBetween(Duration.ofMillis(400), Duration.ofSeconds(4));
    assertThat(sink).containsExactly("Hel", "lo");
  }

  @Test
  @DisplayName(
      "a stop mid-stream returns the text so far as STOPPED, hangs up, and forwards nothing more")
  void stopMidStream() throws InterruptedException {
    List<String> many = java.util.stream.IntStream.range(0, 200).mapToObj(i -> " t" + i).toList();
    server.enqueue(text(many, 3).withDelay(Duration.ofMillis(20)));
    StopSignal stop = new StopSignal();

    ModelReply reply =
        adapter(Duration.ofSeconds(5))
            .chat(
                request(ModelSettings.DEFAULT, List.of()),
                token -> {
                  sink.add(token);
                  if (sink.size() == 3) {
                    stop.request();
                  }
                },
                stop);

    assertThat(reply.finishReason()).isEqualTo(FinishReason.STOPPED);
    assertThat(reply.text()).isEqualTo(" t0 t1 t2");
    // The provider sends usage only at the end: estimated (ADR 0085), three tokens a message and
    // three for the reply around "Be brief." (3) and "Say hello" (2); " t0 t1 t2" is 6.
    assertThat(reply.usage()).isEqualTo(new TokenUsage(3 + (3 + 3) + (3 + 2), 6));
    assertThat(server.awaitClientHangUp(Duration.ofSeconds(5)))
        .as("the server saw the client hang up")
        .isTrue();
    assertThat(sink).containsExactly(" t0", " t1", " t2");
  }

  @Test
  @DisplayName("a refused connection fails as REQUEST_FAILED")
  void refusedConnectionFails() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    LangChain4jChatModel model = adapter("http://127.0.0.1:" + closedPort, Duration.ofSeconds(5));

    assertThat(failure(model).kind()).isEqualTo(ModelErrorKind.REQUEST_FAILED);
  }
}
