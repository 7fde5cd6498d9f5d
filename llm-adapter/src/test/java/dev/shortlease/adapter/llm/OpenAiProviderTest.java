package dev.shortlease.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.adapter.llm.wire.FakeLlmServer.Reply;
import dev.shortlease.adapter.llm.wire.OpenAiWire;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.application.port.out.ToolArguments;
import dev.shortlease.application.port.out.ToolCall;
import dev.shortlease.application.port.out.ToolSpec;
import dev.shortlease.domain.ModelSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OpenAI-compatible provider against a local fake server")
class OpenAiProviderTest extends AbstractHttpProviderTest {

  @Override
  LlmProvider provider() {
    return LlmProvider.OPENAI;
  }

  @Override
  String chatPath() {
    return "/chat/completions";
  }

  @Override
  Reply text(List<String> tokens, int promptTokens) {
    return OpenAiWire.text(tokens, promptTokens);
  }

  @Override
  Reply toolCall(String id, String name, String argumentsJson) {
    int half = argumentsJson.length() / 2;
    return OpenAiWire.toolCall(
        id, name, List.of(argumentsJson.substring(0, half), argumentsJson.substring(half)));
  }

  @Override
  Reply malformedAfter(List<String> tokens) {
    return OpenAiWire.malformedAfter(tokens);
  }

  @Override
  Reply tokensOnly(List<String> tokens) {
    return OpenAiWire.tokensOnly(tokens);
  }

  @Override
  Reply error(int status, String what) {
    String body =
        switch (what) {
          case "quota" ->
              OpenAiWire.errorBody(
                  "insufficient_quota", "insufficient_quota", "You exceeded your current quota.");
          case "rate limit" ->
              OpenAiWire.errorBody("requests", "rate_limit_exceeded", "Rate limit reached.");
          case "unknown model" ->
              OpenAiWire.errorBody(
                  "invalid_request_error", "model_not_found", "The model does not exist.");
          default -> OpenAiWire.errorBody("error", String.valueOf(status), what);
        };
    return Reply.error(status, body);
  }

  @Test
  @DisplayName("sends an agent turn as an assistant tool call followed by the tool's result")
  void sendsAnAgentTurn() throws java.io.IOException {
    server.enqueue(text(TOKENS, 7));
    ToolCall call =
        new ToolCall("call_7", "get_stats", ToolArguments.of(Map.of("period", "today")));
    ModelRequest request =
        new ModelRequest(
            ModelSettings.DEFAULT,
            List.of(
                new ModelMessage.User("How busy is the pool?"),
                new ModelMessage.Assistant("", List.of(call)),
                new ModelMessage.ToolResult("call_7", "get_stats", "active=3")),
            List.of(STATS_TOOL));

    chat(adapter(Duration.ofSeconds(5)), request, StopSignal.never());

    JsonNode messages = lastRequestBody().path("messages");
    assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
    assertThat(messages.get(1).path("tool_calls").get(0).path("id").asText()).isEqualTo("call_7");
    assertThat(
            messages.get(1).path("tool_calls").get(0).path("function").path("arguments").asText())
        .isEqualTo("{\"period\":\"today\"}");
    assertThat(messages.get(2).path("role").asText()).isEqualTo("tool");
    assertThat(messages.get(2).path("tool_call_id").asText()).isEqualTo("call_7");
    assertThat(messages.get(2).path("content").asText()).isEqualTo("active=3");
  }

  @Test
  @DisplayName("a tool with an invalid JSON Schema fails as REQUEST_FAILED before any request")
  void invalidToolSchema() {
    ToolSpec broken = new ToolSpec("broken", "d", Map.of("type", "object", "properties", "none"));
    ModelRequest request =
        new ModelRequest(
            ModelSettings.DEFAULT, List.of(new ModelMessage.User("hi")), List.of(broken));

    assertThatThrownBy(() -> chat(adapter(Duration.ofSeconds(5)), request, StopSignal.never()))
        .isInstanceOfSatisfying(
            ModelException.class,
            e -> assertThat(e.kind()).isEqualTo(ModelErrorKind.REQUEST_FAILED));
    assertThat(server.requests()).isEmpty();
  }

  @Test
  @DisplayName("sends the API key as a bearer token")
  void sendsTheApiKey() {
    server.enqueue(text(TOKENS, 7));

    chat(
        adapter(Duration.ofSeconds(5)),
        request(ModelSettings.DEFAULT, List.of()),
        StopSignal.never());

    assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer sk-test-key");
  }
}
