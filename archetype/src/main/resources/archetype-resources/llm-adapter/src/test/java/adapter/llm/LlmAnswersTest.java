package ${package}.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ${package}.application.port.out.AnswerPort;
import com.google.inject.Guice;
import com.sun.net.httpserver.HttpServer;
import dev.shortlease.guardrails.testkit.PortChecks;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LLM adapter against a local stand-in for an OpenAI-compatible endpoint. */
class LlmAnswersTest {
  private static final String COMPLETION =
      """
      {"id":"c1","object":"chat.completion","created":1,"model":"test-model",
       "choices":[{"index":0,"message":{"role":"assistant","content":"Forty-two."},
                   "finish_reason":"stop"}],
       "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}
      """;

  private final AtomicReference<String> lastRequest = new AtomicReference<>();
  private HttpServer server;

  @BeforeEach
  void startEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          lastRequest.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] body = COMPLETION.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopEndpoint() {
    server.stop(0);
  }

  @Test
  void sendsTheQuestionAndReturnsTheModelsText() {
    AnswerPort answers =
        Guice.createInjector(new LlmModule(settings())).getInstance(AnswerPort.class);

    assertThat(answers.answer("What is six times seven?")).isEqualTo("Forty-two.");
    assertThat(lastRequest.get()).contains("What is six times seven?").contains("test-model");
  }

  @Test
  void thePortSpeaksPlainValues() {
    PortChecks.assertPlainValues(AnswerPort.class);
  }

  @Test
  void badSettingsAreRefusedWithTheirName() {
    assertThatThrownBy(() -> new LlmSettings("ftp://x", "", "m", Duration.ofSeconds(1)))
        .hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> new LlmSettings("http://x", "", " ", Duration.ofSeconds(1)))
        .hasMessageContaining("model");
    assertThat(new LlmSettings("http://x", "secret-key", "m", Duration.ofSeconds(1)).toString())
        .doesNotContain("secret-key");
  }

  private LlmSettings settings() {
    return new LlmSettings(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
        "test-key",
        "test-model",
        Duration.ofSeconds(10));
  }
}
