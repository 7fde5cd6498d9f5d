package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every error code over real HTTP, and the owner chain: app A / user X never see B's or Y's data.
 */
class ErrorsAndIsolationTest {
  private static ShortleaseServer server;
  private static Api api;
  private static Api.AppKey appA;
  private static Api.AppKey appB;
  private static String conversationOfX;
  private static String messageOfX;

  @BeforeAll
  static void start() {
    server = TestServers.simulated(Map.of("MAX_BODY_BYTES", "2048"));
    api = new Api(server);
    appA = api.createApp("chat");
    appB = api.createApp("chat");
    JsonNode answer =
        api.post("/v1/chat-messages", appA.key(), Api.chat("x", "Hi", "blocking", null)).json();
    conversationOfX = answer.get("conversation_id").asText();
    messageOfX = answer.get("message_id").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("a missing or wrong key is 401 unauthorized")
  void unauthorized() {
    assertError(api.get("/v1/info", null), 401, "unauthorized");
    assertError(api.get("/v1/info", "app-not-a-key"), 401, "unauthorized");
  }

  @Test
  @DisplayName("bad input is 400 invalid_param naming the field, never a 500")
  void invalidParams() {
    assertError(api.post("/v1/chat-messages", appA.key(), "{\"query\": "), 400, "bad_request");
    assertInvalid(api.post("/v1/chat-messages", appA.key(), "[1,2]"), "object");
    assertInvalid(api.post("/v1/chat-messages", appA.key(), "{\"query\":\"hi\"}"), "user");
    assertInvalid(api.post("/v1/chat-messages", appA.key(), "{\"user\":\"x\"}"), "query");
    assertInvalid(
        api.post("/v1/chat-messages", appA.key(), "{\"user\":\"x\",\"query\":5}"), "query");
    assertInvalid(
        api.post(
            "/v1/chat-messages",
            appA.key(),
            "{\"user\":\"x\",\"query\":\"q\",\"response_mode\":\"fast\"}"),
        "response_mode");
    assertInvalid(
        api.post(
            "/v1/chat-messages",
            appA.key(),
            "{\"user\":\"x\",\"query\":\"q\",\"conversation_id\":\"123\"}"),
        "conversation_id");
    assertInvalid(api.get("/v1/conversations?user=x&limit=0", appA.key()), "limit");
    assertInvalid(api.get("/v1/conversations?user=x&limit=101", appA.key()), "limit");
    assertInvalid(api.get("/v1/conversations?user=x&limit=ten", appA.key()), "limit");
    assertInvalid(api.get("/v1/conversations?user=x&sort_by=name", appA.key()), "sort_by");
    assertInvalid(api.get("/v1/conversations?user=x&last_id=zzz", appA.key()), "last_id");
    assertInvalid(api.get("/v1/messages?user=x", appA.key()), "conversation_id");
    assertInvalid(
        api.post(
            "/v1/messages/" + messageOfX + "/feedbacks",
            appA.key(),
            "{\"rating\":\"love\",\"user\":\"x\"}"),
        "rating");
    assertInvalid(
        api.post("/v1/messages/not-a-uuid/feedbacks", appA.key(), "{\"user\":\"x\"}"),
        "message_id");
    assertInvalid(
        api.post("/v1/chat-messages/" + UUID.randomUUID() + "/stop", appA.key(), "{}"), "user");
  }

  @Test
  @DisplayName("an oversized body is 413")
  void tooLarge() {
    String big = "{\"user\":\"x\",\"query\":\"" + "a".repeat(4000) + "\"}";
    assertError(api.post("/v1/chat-messages", appA.key(), big), 413, "request_entity_too_large");
  }

  @Test
  @DisplayName(
      "a JSON body without a length (chunked) is read up to the cap: under it answered, over it 413")
  void chunkedBodies() throws Exception {
    Api.Reply small = postChunked("/v1/chat-messages", Api.chat("x", "Hi", "blocking", null));
    assertThat(small.status()).as(small.text()).isEqualTo(200);
    assertThat(small.json().get("answer").asText()).isNotBlank();

    String big = "{\"user\":\"x\",\"query\":\"" + "a".repeat(4000) + "\"}";
    assertError(postChunked("/v1/chat-messages", big), 413, "request_entity_too_large");
  }

  private static Api.Reply postChunked(String path, String json) throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                  .timeout(Duration.ofSeconds(30))
                  .header("Authorization", "Bearer " + appA.key())
                  .header("Content-Type", "application/json")
                  // A supplier of a stream has no known length: the client sends it chunked.
                  .POST(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () -> new ByteArrayInputStream(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Api.Reply(response.statusCode(), response);
    }
  }

  @Test
  @DisplayName("unknown conversations, messages and routes are 404 not_found")
  void notFound() {
    String unknown = UUID.randomUUID().toString();
    assertError(
        api.post("/v1/chat-messages", appA.key(), Api.chat("x", "Hi", "blocking", unknown)),
        404,
        "not_found");
    assertError(
        api.get("/v1/messages?user=x&conversation_id=" + unknown, appA.key()), 404, "not_found");
    assertError(
        api.post(
            "/v1/messages/" + unknown + "/feedbacks",
            appA.key(),
            "{\"rating\":\"like\",\"user\":\"x\"}"),
        404,
        "not_found");
    assertError(api.get("/v1/does-not-exist", appA.key()), 404, "not_found");
  }

  @Test
  @DisplayName("another user of the same app sees 404 for X's conversation and message")
  void otherUserIsolated() {
    assertThat(api.get("/v1/conversations?user=y", appA.key()).json().get("data")).isEmpty();
    assertError(
        api.get("/v1/messages?user=y&conversation_id=" + conversationOfX, appA.key()),
        404,
        "not_found");
    assertError(
        api.post("/v1/chat-messages", appA.key(), Api.chat("y", "Hi", "blocking", conversationOfX)),
        404,
        "not_found");
    assertError(
        api.post(
            "/v1/messages/" + messageOfX + "/feedbacks",
            appA.key(),
            "{\"rating\":\"like\",\"user\":\"y\"}"),
        404,
        "not_found");
    assertError(
        api.get("/v1/messages/" + messageOfX + "/suggested?user=y", appA.key()), 404, "not_found");
    assertError(
        api.post(
            "/v1/conversations/" + conversationOfX + "/name",
            appA.key(),
            "{\"name\":\"mine\",\"user\":\"y\"}"),
        404,
        "not_found");
    assertError(
        api.delete("/v1/conversations/" + conversationOfX, appA.key(), "{\"user\":\"y\"}"),
        404,
        "not_found");
    // X's data is untouched
    assertThat(api.get("/v1/conversations?user=x", appA.key()).json().get("data")).hasSize(1);
  }

  @Test
  @DisplayName("another app's key sees 404 for app A's data, even with the same user name")
  void otherAppIsolated() {
    assertThat(api.get("/v1/conversations?user=x", appB.key()).json().get("data")).isEmpty();
    assertError(
        api.get("/v1/messages?user=x&conversation_id=" + conversationOfX, appB.key()),
        404,
        "not_found");
    assertError(
        api.post("/v1/chat-messages", appB.key(), Api.chat("x", "Hi", "blocking", conversationOfX)),
        404,
        "not_found");
    assertError(
        api.delete("/v1/conversations/" + conversationOfX, appB.key(), "{\"user\":\"x\"}"),
        404,
        "not_found");
  }

  @Test
  @DisplayName("the wrong endpoint for the app's mode and a disabled app get Dify's codes")
  void appModeAndAvailability() {
    Api.AppKey completion = api.createApp("completion");
    assertError(
        api.post("/v1/chat-messages", completion.key(), Api.chat("x", "Hi", "blocking", null)),
        400,
        "not_chat_app");
    assertError(api.get("/v1/conversations?user=x", completion.key()), 400, "not_chat_app");
    assertError(
        api.post(
            "/v1/completion-messages", appA.key(), "{\"inputs\":{\"query\":\"q\"},\"user\":\"x\"}"),
        400,
        "app_unavailable");

    Api.AppKey disabled = api.createApp("chat");
    api.patch("/admin/apps/" + disabled.id(), TestServers.ADMIN_TOKEN, "{\"status\":\"disabled\"}");
    assertError(api.get("/v1/info", disabled.key()), 403, "forbidden");
  }

  private static void assertInvalid(Api.Reply reply, String field) {
    assertError(reply, 400, "invalid_param");
    assertThat(reply.json().get("message").asText()).contains(field);
  }

  private static void assertError(Api.Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(status);
    JsonNode body = reply.json();
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("code").asText()).isEqualTo(code);
    assertThat(body.get("message").asText()).isNotBlank();
    assertThat(reply.text()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
