package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.application.testing.ScriptedChatModel;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A JSON body not declared JSON, through the real service: Dify's 415 (Flask's {@code get_json}),
 * and nothing saved or deleted. Declared JSON with parameters is read as before.
 */
class JsonContentTypeApiTest {
  private static final ScriptedChatModel MODEL = new ScriptedChatModel();
  private static final String REFUSED =
      "Did not attempt to load JSON data because the request Content-Type was not"
          + " 'application/json'.";
  private static ShortleaseServer server;
  private static Api api;

  @BeforeAll
  static void start() {
    server = TestServers.scripted(MODEL);
    api = new Api(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("a chat sent as text/plain (or form-encoded, curl's -d) is 415 and saves nothing")
  void chatNotDeclaredJson() {
    Api.AppKey app = api.createApp("chat");
    String chat = Api.chat("plain", "Hi", "blocking", null);

    for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded"}) {
      Api.Reply refused = send("POST", "/v1/chat-messages", app.key(), type, chat);

      assertThat(refused.status()).as(refused.text()).isEqualTo(415);
      assertThat(refused.code()).isEqualTo("unsupported_media_type");
      assertThat(refused.json().get("message").asText()).isEqualTo(REFUSED);
    }
    assertThat(conversationsOf(app, "plain")).isZero();

    MODEL.then(reply("Hello"));
    Api.Reply declared =
        send("POST", "/v1/chat-messages", app.key(), "application/json; charset=utf-8", chat);
    assertThat(declared.status()).as(declared.text()).isEqualTo(200);
    assertThat(conversationsOf(app, "plain")).isOne();
  }

  @Test
  @DisplayName("a conversation DELETE without a JSON type is 415 and deletes nothing, body or not")
  void deleteNotDeclaredJson() {
    Api.AppKey app = api.createApp("chat");
    MODEL.then(reply("Hello"));
    String conversation =
        api.post("/v1/chat-messages", app.key(), Api.chat("DEFAULT-USER", "Hi", "blocking", null))
            .json()
            .get("conversation_id")
            .asText();

    Api.Reply empty = send("DELETE", "/v1/conversations/" + conversation, app.key(), null, null);
    Api.Reply plain =
        send(
            "DELETE",
            "/v1/conversations/" + conversation,
            app.key(),
            "text/plain",
            "{\"user\":\"DEFAULT-USER\"}");

    assertThat(empty.status()).as(empty.text()).isEqualTo(415);
    assertThat(plain.status()).as(plain.text()).isEqualTo(415);
    assertThat(conversationsOf(app, "DEFAULT-USER")).isOne();
    assertThat(
            api.delete(
                    "/v1/conversations/" + conversation, app.key(), "{\"user\":\"DEFAULT-USER\"}")
                .status())
        .isEqualTo(204);
  }

  private static int conversationsOf(Api.AppKey app, String user) {
    return api.get("/v1/conversations?user=" + user, app.key()).json().get("data").size();
  }

  private static Api.Reply send(String method, String path, String key, String type, String body) {
    Map<String, String> headers =
        type == null
            ? Map.of("Authorization", "Bearer " + key)
            : Map.of("Authorization", "Bearer " + key, "Content-Type", type);
    return api.request(method, path, headers, body);
  }
}
