package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A feedback's time is the rating's, even when the rating comes while its answer still streams: the
 * answer's end does not move it.
 */
class FeedbackTimeTest {
  @Test
  @DisplayName("rated while streaming: /v1/app/feedbacks keeps the rating's time, not the end's")
  void ratingDuringTheAnswerKeepsItsTime() throws Exception {
    // Three seconds of answer: the rating lands in its first second.
    try (ShortleaseServer server =
        TestServers.simulated(
            Map.of(
                "SIMULATED_TTFT_MS", "50",
                "SIMULATED_TOKENS_PER_SECOND", "20",
                "SIMULATED_ANSWER_TOKENS", "60"))) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("chat");
      long ratedBy;
      long endedAt;
      try (InputStream stream =
          api.stream(
              "/v1/chat-messages", app.key(), Api.chat("ruth", "Tell me", "streaming", null))) {
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        String messageId = Api.firstEvent(reader).get("message_id").asText();
        Api.Reply rated =
            api.post(
                "/v1/messages/" + messageId + "/feedbacks",
                app.key(),
                "{\"user\":\"ruth\",\"rating\":\"like\"}");
        ratedBy = Instant.now().getEpochSecond();
        assertThat(rated.status()).isEqualTo(200);
        JsonNode event = Api.firstEvent(reader);
        while (!event.path("event").asText().equals("message_end")) {
          event = Api.firstEvent(reader);
        }
        endedAt = Instant.now().getEpochSecond();
      }
      assertThat(endedAt).as("the answer ended seconds after the rating").isGreaterThan(ratedBy);

      JsonNode feedback = api.get("/v1/app/feedbacks", app.key()).json().get("data").get(0);
      long createdAt = Instant.parse(feedback.get("created_at").asText()).getEpochSecond();
      assertThat(createdAt).as("the rating's time").isLessThanOrEqualTo(ratedBy);
      assertThat(feedback.get("updated_at").asText())
          .isEqualTo(feedback.get("created_at").asText());
    }
  }
}
