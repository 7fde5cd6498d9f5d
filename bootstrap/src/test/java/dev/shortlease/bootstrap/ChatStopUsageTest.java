package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A stopped answer's usage through the real service and the simulated provider: estimated, as Dify
 * counts a stopped answer (ADR 0085), instead of the provider's, which never came.
 */
class ChatStopUsageTest {
  private static ShortleaseServer server;
  private static Api api;

  @BeforeAll
  static void start() {
    // Twenty seconds of answer: the stop always comes first.
    server =
        TestServers.simulated(
            Map.of(
                "SIMULATED_TTFT_MS", "50",
                "SIMULATED_TOKENS_PER_SECOND", "20",
                "SIMULATED_ANSWER_TOKENS", "400"));
    api = new Api(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("a user's stop ends with the prompt's and the text so far's tokens in message_end")
  void stoppedAnswerCountsItsTokens() throws Exception {
    Api.AppKey app = api.createApp("chat");
    try (InputStream stream =
        api.stream(
            "/v1/chat-messages",
            app.key(),
            Api.chat("erin", "Tell me a long story", "streaming", null))) {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
      JsonNode first = Api.firstEvent(reader);
      StringBuilder answer = new StringBuilder(first.path("answer").asText());
      for (int i = 0; i < 3; i++) {
        answer.append(Api.firstEvent(reader).path("answer").asText());
      }

      api.post(
          "/v1/chat-messages/" + first.get("task_id").asText() + "/stop",
          app.key(),
          "{\"user\":\"erin\"}");
      JsonNode end = Api.firstEvent(reader);
      while (!end.path("event").asText().equals("message_end")) {
        answer.append(end.path("answer").asText());
        end = Api.firstEvent(reader);
      }

      JsonNode usage = end.at("/metadata/usage");
      assertThat(answer.toString()).as("text streamed before the stop").isNotBlank();
      assertThat(usage.path("prompt_tokens").asInt())
          .as("the query and the app's prompt, counted")
          .isGreaterThanOrEqualTo(5);
      assertThat(usage.path("completion_tokens").asInt())
          .as("the text so far, counted")
          .isPositive()
          .isLessThanOrEqualTo(answer.length());
      assertThat(usage.path("total_tokens").asInt())
          .isEqualTo(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt());
    }
  }
}
