package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The caps of a chat request's {@code inputs}, over HTTP: 400 naming the field, nothing saved. */
@DisplayName("Bounded input: inputs caps (INPUTS_MAX_KEYS, INPUTS_MAX_BYTES)")
class BoundedInputTest {
  private static ShortleaseServer server;
  private static Api api;
  private static Api.AppKey chat;
  private static Api.AppKey completion;

  @BeforeAll
  static void start() {
    server = TestServers.simulated(Map.of());
    api = new Api(server);
    chat = api.createApp("chat");
    completion = api.createApp("completion");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Inputs of {@code keys} entries whose keys and values take {@code bytes} bytes in all. */
  static ObjectNode inputs(int keys, int bytes) {
    ObjectNode inputs = Api.JSON.createObjectNode();
    int used = 0;
    for (int i = 0; i < keys; i++) {
      String key = "k%03d".formatted(i);
      int share = (bytes - used) / (keys - i) - key.length();
      inputs.put(key, "x".repeat(share));
      used += key.length() + share;
    }
    return inputs;
  }

  static String request(String user, ObjectNode inputs) {
    ObjectNode body = Api.JSON.createObjectNode();
    body.set("inputs", inputs);
    body.put("query", "hello").put("user", user).put("response_mode", "blocking");
    body.put("auto_generate_name", false);
    return body.toString();
  }

  @Test
  @DisplayName("the largest inputs the defaults accept pass: 50 keys, 16 KiB")
  void largestAccepted() {
    Api.Reply reply = api.post("/v1/chat-messages", chat.key(), request("max", inputs(50, 16_384)));

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
  }

  @Test
  @DisplayName("one key too many is a 400 naming inputs, and saves nothing")
  void tooManyKeys() {
    Api.Reply reply = api.post("/v1/chat-messages", chat.key(), request("keys", inputs(51, 1_000)));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("invalid_param");
    assertThat(reply.json().get("message").asText()).startsWith("inputs ").contains("50 keys");
    assertThat(reply.json().get("status").asInt()).isEqualTo(400);
    assertNothingSavedFor("keys");
  }

  @Test
  @DisplayName("one byte too many (UTF-8) is a 400 naming inputs, and saves nothing")
  void tooManyBytes() {
    ObjectNode inputs = inputs(2, 16_384 - 1);
    inputs.put("k001", inputs.get("k001").asText() + "é"); // two bytes in UTF-8: 16,385

    Api.Reply reply = api.post("/v1/chat-messages", chat.key(), request("bytes", inputs));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("invalid_param");
    assertThat(reply.json().get("message").asText())
        .startsWith("inputs ")
        .contains("16384 bytes", "had 16385");
    assertNothingSavedFor("bytes");
  }

  @Test
  @DisplayName("a completion app's inputs.query is the query: the query's limit, not the inputs'")
  void completionQueryIsExempt() {
    ObjectNode inputs = Api.JSON.createObjectNode().put("query", "q".repeat(50_000));

    Api.Reply reply =
        api.post("/v1/completion-messages", completion.key(), request("writer", inputs));

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
  }

  @Test
  @DisplayName("the caps are settings")
  void capsAreConfigurable() {
    try (ShortleaseServer small =
        TestServers.simulated(Map.of("INPUTS_MAX_KEYS", "2", "INPUTS_MAX_BYTES", "100"))) {
      Api smallApi = new Api(small);
      Api.AppKey app = smallApi.createApp("chat");

      assertThat(
              smallApi.post("/v1/chat-messages", app.key(), request("u", inputs(3, 30))).status())
          .isEqualTo(400);
      assertThat(
              smallApi.post("/v1/chat-messages", app.key(), request("u", inputs(2, 101))).status())
          .isEqualTo(400);
      assertThat(
              smallApi.post("/v1/chat-messages", app.key(), request("u", inputs(2, 100))).status())
          .isEqualTo(200);
    }
  }

  private static void assertNothingSavedFor(String user) {
    Api.Reply conversations = api.get("/v1/conversations?user=" + user, chat.key());
    assertThat(conversations.json().get("data")).isEmpty();
  }
}
