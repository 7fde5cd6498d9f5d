package dev.shortlease.adapter.llm;

import dev.shortlease.adapter.llm.wire.FakeLlmServer.Reply;
import dev.shortlease.adapter.llm.wire.OllamaWire;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Ollama provider against a local fake server")
class OllamaProviderTest extends AbstractHttpProviderTest {

  @Override
  LlmProvider provider() {
    return LlmProvider.OLLAMA;
  }

  @Override
  String chatPath() {
    return "/api/chat";
  }

  @Override
  Reply text(List<String> tokens, int promptTokens) {
    return OllamaWire.text(tokens, promptTokens);
  }

  @Override
  Reply toolCall(String id, String name, String argumentsJson) {
    return OllamaWire.toolCall(name, argumentsJson);
  }

  @Override
  Reply malformedAfter(List<String> tokens) {
    return OllamaWire.malformedAfter(tokens);
  }

  @Override
  Reply tokensOnly(List<String> tokens) {
    return OllamaWire.tokensOnly(tokens);
  }

  @Override
  Reply error(int status, String what) {
    String message =
        switch (what) {
          case "quota" -> "quota exceeded for this account";
          case "unknown model" -> "model \"configured-model\" not found, try pulling it first";
          default -> what;
        };
    return Reply.error(status, OllamaWire.errorBody(message));
  }
}
