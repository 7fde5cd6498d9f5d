package dev.shortlease.adapter.llm;

import dev.shortlease.adapter.llm.wire.FakeLlmServer;
import dev.shortlease.adapter.llm.wire.FakeLlmServer.Reply;
import dev.shortlease.adapter.llm.wire.OpenAiWire;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.ChatModelPortContract;
import dev.shortlease.application.port.out.ModelErrorKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Chat model port contract: LangChain4j adapter over OpenAI against a fake server")
class OpenAiChatModelPortContractTest extends ChatModelPortContract {
  private final FakeLlmServer server = new FakeLlmServer();

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Override
  protected ChatModelPort port() {
    return LangChain4jChatModel.fromSettings(
        new LlmSettings(
            "openai",
            server.baseUrl(),
            "sk-contract",
            "fake-model",
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            0,
            1,
            1));
  }

  @Override
  protected void prepareAnswer(List<String> tokens) {
    server.enqueue(OpenAiWire.text(tokens, 10));
  }

  @Override
  protected void prepareToolCall(String toolName, Map<String, Object> arguments) {
    server.enqueue(OpenAiWire.toolCall("call_1", toolName, List.of(OpenAiWire.json(arguments))));
  }

  @Override
  protected void prepareSlowAnswer(int tokens) {
    List<String> words = IntStream.range(0, tokens).mapToObj(i -> " w" + i).toList();
    server.enqueue(OpenAiWire.text(words, 10).withDelay(Duration.ofMillis(20)));
  }

  @Override
  protected boolean prepareFailure(ModelErrorKind kind) {
    Reply reply =
        switch (kind) {
          case NOT_CONFIGURED ->
              Reply.error(
                  401,
                  OpenAiWire.errorBody("invalid_request_error", "invalid_api_key", "Bad key."));
          case QUOTA_EXCEEDED ->
              Reply.error(
                  429, OpenAiWire.errorBody("insufficient_quota", "insufficient_quota", "Quota."));
          case RATE_LIMITED ->
              Reply.error(
                  429, OpenAiWire.errorBody("requests", "rate_limit_exceeded", "Slow down."));
          case REQUEST_FAILED ->
              Reply.error(500, OpenAiWire.errorBody("server_error", "server_error", "Oops."));
        };
    server.enqueue(reply);
    return true;
  }
}
