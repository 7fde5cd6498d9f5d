package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The demo's model, the simulated one, answers {@code /suggested} as a real one would. */
class SimulatedSuggestionsTest {

  @Test
  @DisplayName("suggested questions from the simulated model: three short questions")
  void threeShortQuestions() {
    try (ShortleaseServer server = TestServers.simulated(Map.of())) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("chat");
      String message =
          api.post("/v1/chat-messages", app.key(), Api.chat("u", "Hello", "blocking", null))
              .json()
              .get("message_id")
              .asText();

      JsonNode reply = api.get("/v1/messages/" + message + "/suggested?user=u", app.key()).json();

      List<String> questions = new ArrayList<>();
      reply.get("data").forEach(q -> questions.add(q.asText()));
      assertThat(reply.get("result").asText()).isEqualTo("success");
      assertThat(questions).hasSize(3).doesNotHaveDuplicates();
      assertThat(questions)
          .allSatisfy(
              q -> {
                assertThat(q).endsWith("?");
                assertThat(q.split(" ")).hasSizeBetween(3, 8);
              });
    }
  }
}
