package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.call;
import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static dev.shortlease.application.testing.ScriptedChatModel.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.multibindings.Multibinder;
import com.sun.net.httpserver.HttpServer;
import dev.shortlease.application.agent.Tool;
import dev.shortlease.application.agent.ToolInvocation;
import dev.shortlease.application.testing.ScriptedChatModel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 16, "say less to clients": a client gets a fixed message per error code and the request's
 * ID; exception classes, host names, provider bodies and tool exceptions stay in the log.
 */
class SayLessTest {
  private static final String HOST = "llm-internal-7f3a.invalid";

  /** A tool whose failure quotes SQL, as a database-backed tool's might. */
  static final class LeakyTool implements Tool {
    @Override
    public String name() {
      return "orders";
    }

    @Override
    public String description() {
      return "looks up orders";
    }

    @Override
    public Map<String, Object> parameters() {
      return Map.of("type", "object", "properties", Map.of());
    }

    @Override
    public String call(ToolInvocation invocation) {
      throw new IllegalStateException("SQLException: select * from orders where secret = 'x'");
    }
  }

  private final CapturedLog log = new CapturedLog();

  @AfterEach
  void stopCapturing() {
    log.close();
  }

  /** The web adapter's error log lines, as formatted for the operator. */
  static final class CapturedLog implements AutoCloseable {
    private final Logger logger =
        (Logger) LoggerFactory.getLogger("dev.shortlease.adapter.web.ErrorMapping");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CapturedLog() {
      appender.start();
      logger.addAppender(appender);
    }

    List<String> lines() {
      return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
      logger.detachAppender(appender);
    }
  }

  @Test
  @DisplayName(
      "with an unreachable LLM_BASE_URL, neither the answer nor /v1/messages names the host or an"
          + " exception")
  void unreachableModel() {
    try (ShortleaseServer server =
        TestServers.simulated(
            Map.of(
                "LLM_PROVIDER", "openai",
                "LLM_API_KEY", "none",
                "LLM_BASE_URL", "http://" + HOST + ":8080/v1",
                "LLM_CONNECT_TIMEOUT_MS", "2000"))) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("chat");

      Api.Reply blocking =
          api.post("/v1/chat-messages", app.key(), Api.chat("u", "Hi", "blocking", null));
      Api.Reply streaming =
          api.post("/v1/chat-messages", app.key(), Api.chat("u", "Hi", "streaming", null));

      assertThat(blocking.status()).isEqualTo(400);
      assertThat(blocking.json().get("code").asText()).isEqualTo("completion_request_error");
      assertThat(blocking.json().get("message").asText()).isEqualTo("Completion request failed.");
      assertThat(blocking.raw().headers().firstValue("X-Request-Id"))
          .as("the correlation ID of the log line with the details")
          .isPresent();
      JsonNode error = streaming.events().getLast();
      assertThat(error.get("event").asText()).isEqualTo("error");
      assertThat(error.get("code").asText()).isEqualTo("completion_request_error");
      JsonNode conversations = api.get("/v1/conversations?user=u", app.key()).json();
      StringBuilder history = new StringBuilder();
      for (JsonNode c : conversations.get("data")) {
        Api.Reply messages =
            api.get("/v1/messages?user=u&conversation_id=" + c.get("id").asText(), app.key());
        history.append(messages.text());
        assertThat(messages.json().at("/data/0/status").asText()).isEqualTo("error");
      }
      for (String text : List.of(blocking.text(), streaming.text(), history.toString())) {
        assertThat(text).doesNotContain("Exception").doesNotContain(HOST).doesNotContain("8080");
      }
      for (Api.Reply reply : List.of(blocking, streaming)) {
        String requestId = reply.raw().headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(log.lines())
            .as("the operator's log line for the client's X-Request-Id has the details")
            .anySatisfy(line -> assertThat(line).contains(requestId).contains(HOST));
      }
    }
  }

  @Test
  @DisplayName(
      "a provider's error body (a stack trace naming an internal host) reaches neither the answer"
          + " nor /v1/messages")
  void providerErrorBody() throws Exception {
    String body =
        "{\"error\": {\"message\": \"Traceback: psycopg.OperationalException at"
            + " db-7.corp.internal:5432\", \"type\": \"server_error\"}}";
    HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    provider.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(500, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    provider.start();
    try (ShortleaseServer server =
        TestServers.simulated(
            Map.of(
                "LLM_PROVIDER", "openai",
                "LLM_API_KEY", "none",
                "LLM_BASE_URL", "http://127.0.0.1:" + provider.getAddress().getPort() + "/v1"))) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("chat");

      Api.Reply blocking =
          api.post("/v1/chat-messages", app.key(), Api.chat("u", "Hi", "blocking", null));
      Api.Reply streaming =
          api.post("/v1/chat-messages", app.key(), Api.chat("u", "Hi", "streaming", null));

      assertThat(blocking.status()).isEqualTo(400);
      assertThat(blocking.json().get("message").asText()).isEqualTo("Completion request failed.");
      assertThat(streaming.events().getLast().get("event").asText()).isEqualTo("error");
      StringBuilder history = new StringBuilder();
      for (JsonNode c : api.get("/v1/conversations?user=u", app.key()).json().get("data")) {
        history.append(
            api.get("/v1/messages?user=u&conversation_id=" + c.get("id").asText(), app.key())
                .text());
      }
      assertThat(history).contains("\"status\":\"error\"");
      for (String text : List.of(blocking.text(), streaming.text(), history.toString())) {
        assertThat(text)
            .doesNotContain("Exception")
            .doesNotContain("Traceback")
            .doesNotContain("corp.internal")
            .doesNotContain("server_error");
      }
      assertThat(log.lines())
          .as("the provider's words are in the operator's log")
          .anySatisfy(line -> assertThat(line).contains("db-7.corp.internal"));
    } finally {
      provider.stop(0);
    }
  }

  @Test
  @DisplayName(
      "with an unreachable EMBEDDING_BASE_URL, a failed annotation-reply job's error_msg names"
          + " neither the host nor an exception")
  void unreachableEmbeddingModel() throws InterruptedException {
    try (ShortleaseServer server =
        TestServers.simulated(
            Map.of(
                "EMBEDDING_PROVIDER", "openai",
                "EMBEDDING_API_KEY", "none",
                "EMBEDDING_BASE_URL", "http://" + HOST + ":8080/v1",
                "EMBEDDING_TIMEOUT_MS", "5000"))) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("chat");
      api.post("/v1/apps/annotations", app.key(), "{\"question\": \"Q?\", \"answer\": \"A.\"}");
      String job =
          api.post(
                  "/v1/apps/annotation-reply/enable",
                  app.key(),
                  "{\"score_threshold\": 0.9, \"embedding_provider_name\": \"openai\","
                      + " \"embedding_model_name\": \"text-embedding-3-small\"}")
              .json()
              .get("job_id")
              .asText();
      Api.Reply status = null;
      for (int i = 0; i < 300; i++) {
        status = api.get("/v1/apps/annotation-reply/enable/status/" + job, app.key());
        if (status.json().get("job_status").asText().equals("error")) {
          break;
        }
        Thread.sleep(50);
      }

      assertThat(status.json().get("job_status").asText()).isEqualTo("error");
      assertThat(status.json().get("error_msg").asText())
          .isEqualTo(
              "The embedding model request failed. The service log has the details under job "
                  + job
                  + ".");
      assertThat(status.text())
          .doesNotContain("Exception")
          .doesNotContain(HOST)
          .doesNotContain("8080");
    }
  }

  @Test
  @DisplayName("a tool's failure is observed without its exception text, streamed and stored")
  void toolFailure() {
    ScriptedChatModel model = new ScriptedChatModel();
    model.then(toolCalls("", call("c1", "orders")), reply("Sorry."));
    try (ShortleaseServer server =
        TestServers.scripted(
            model,
            binder ->
                Multibinder.newSetBinder(binder, Tool.class)
                    .addBinding()
                    .toInstance(new LeakyTool()))) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("agent-chat");

      Api.Reply stream =
          api.post("/v1/chat-messages", app.key(), Api.chat("u", "Orders?", "streaming", null));
      String conversation = stream.events().getLast().get("conversation_id").asText();
      Api.Reply history = api.get("/v1/messages?user=u&conversation_id=" + conversation, app.key());

      assertThat(history.json().at("/data/0/agent_thoughts/0/observation").asText())
          .isEqualTo("{\"orders\": \"error: the tool orders failed\"}");
      for (String text : List.of(stream.text(), history.text())) {
        assertThat(text).doesNotContain("Exception").doesNotContain("select");
      }
    }
  }
}
