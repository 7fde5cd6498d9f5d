package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Request bodies copied verbatim from the examples of Dify's OpenAPI document. */
class DifyExamplesTest {
  private static ShortleaseServer server;
  private static Api api;

  @BeforeAll
  static void start() {
    server = TestServers.simulated(Map.of());
    api = new Api(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName(
      "the chat streaming example (with files and an empty conversation_id) streams an answer")
  void chatStreamingExample() {
    Api.AppKey app = api.createApp("chat");
    String example =
        """
        {
          "inputs": {"city": "San Francisco"},
          "query": "What are the specs of the iPhone 13 Pro Max?",
          "response_mode": "streaming",
          "conversation_id": "",
          "user": "abc-123",
          "files": [
            {"type": "image", "transfer_method": "remote_url",
             "url": "https://cloud.dify.ai/logo/logo-site.png"}
          ]
        }""";

    List<JsonNode> events = api.post("/v1/chat-messages", app.key(), example).events();

    assertThat(events.getFirst().get("event").asText()).isEqualTo("message");
    assertThat(events.getLast().get("event").asText()).isEqualTo("message_end");
    assertThat(events.getLast().at("/metadata/usage/total_tokens").asInt()).isPositive();
  }

  @Test
  @DisplayName("the chat blocking example names a conversation that does not exist here: 404")
  void chatBlockingExample() {
    Api.AppKey app = api.createApp("chat");
    String example =
        """
        {
          "inputs": {},
          "query": "What are the specs of the iPhone 13 Pro Max?",
          "response_mode": "blocking",
          "conversation_id": "45701982-8118-4bc5-8e9b-64562b4555f2",
          "user": "abc-123"
        }""";

    Api.Reply reply = api.post("/v1/chat-messages", app.key(), example);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("message").asText()).isEqualTo("Conversation Not Exists.");
  }

  @Test
  @DisplayName("the completion blocking example and the feedback example work as documented")
  void completionAndFeedbackExamples() {
    // The example's app has a form with `city` (with Dify's default completion form, `query` in
    // `inputs` is required and Dify itself would refuse the example).
    Api.AppKey app =
        api.createApp(
            "completion",
            "\"user_input_form\": [{\"text-input\": {\"label\": \"City\", \"variable\": \"city\","
                + " \"required\": true}}]");
    String example =
        """
        {
          "inputs": {"city": "New York"},
          "query": "Summarize the following text: ...",
          "response_mode": "blocking",
          "user": "def-456"
        }""";
    JsonNode answer = api.post("/v1/completion-messages", app.key(), example).json();
    assertThat(answer.get("event").asText()).isEqualTo("message");
    assertThat(answer.get("answer").asText()).isNotBlank();

    String feedback =
        """
        {"rating": "like", "user": "def-456", "content": "This answer was very helpful!"}""";
    Api.Reply rated =
        api.post(
            "/v1/messages/" + answer.get("message_id").asText() + "/feedbacks",
            app.key(),
            feedback);
    assertThat(rated.json().get("result").asText()).isEqualTo("success");
  }
}
