package dev.shortlease.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.llm.wire.FakeLlmServer.Reply;
import dev.shortlease.adapter.llm.wire.OpenAiWire;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.domain.ModelSettings;
import java.time.Duration;
import java.util.List;
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
