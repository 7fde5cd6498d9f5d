package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/}, {@code /v1/site}, {@code /v1/app/feedbacks}, {@code /v1/end-users/{id}}. */
class AppReadsTest {
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

  private static String messageOf(Api.AppKey app, String user) {
    return api.post("/v1/chat-messages", app.key(), Api.chat(user, "hi", "blocking", null))
        .json()
        .get("message_id")
        .asText();
  }

  @Test
  @DisplayName("GET /v1/ greets without a key, as Dify's index does")
  void index() {
    Api.Reply reply = api.get("/v1/", null);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("welcome").asText()).isEqualTo("Dify OpenAPI");
    assertThat(reply.json().get("api_version").asText()).isEqualTo("v1");
    assertThat(reply.json().has("server_version")).isTrue();
  }

  @Test
  @DisplayName("GET /v1/site shows the key's app; without a key it is a 401")
  void site() {
    Api.AppKey app = api.createApp("chat");
    JsonNode site = api.get("/v1/site", app.key()).json();
    assertThat(site.get("title").asText()).isEqualTo("test chat");
    assertThat(site.get("icon_type").asText()).isEqualTo("emoji");
    assertThat(site.get("default_language").asText()).isEqualTo("en-US");
    assertThat(site.has("chat_color_theme")).isTrue();
    assertThat(api.get("/v1/site", null).status()).isEqualTo(401);
  }

  @Test
  @DisplayName("the app's feedbacks list every user's ratings, latest first, and no other app's")
  void feedbacks() {
    Api.AppKey app = api.createApp("chat");
    Api.AppKey other = api.createApp("chat");
    String liked = messageOf(app, "fay");
    String disliked = messageOf(app, "gus");
    messageOf(app, "gus");
    String elsewhere = messageOf(other, "fay");
    api.post(
        "/v1/messages/" + liked + "/feedbacks",
        app.key(),
        "{\"rating\":\"like\",\"user\":\"fay\",\"content\":\"great\"}");
    api.post(
        "/v1/messages/" + disliked + "/feedbacks",
        app.key(),
        "{\"rating\":\"dislike\",\"user\":\"gus\"}");
    api.post(
        "/v1/messages/" + elsewhere + "/feedbacks",
        other.key(),
        "{\"rating\":\"like\",\"user\":\"fay\"}");

    JsonNode data = api.get("/v1/app/feedbacks", app.key()).json().get("data");
    assertThat(data.findValuesAsText("message_id")).containsExactly(disliked, liked);
    JsonNode like = data.get(1);
    assertThat(like.get("rating").asText()).isEqualTo("like");
    assertThat(like.get("content").asText()).isEqualTo("great");
    assertThat(like.get("app_id").asText()).isEqualTo(app.id());
    assertThat(like.get("from_source").asText()).isEqualTo("user");
    assertThat(like.get("from_account_id").isNull()).isTrue();
    assertThat(like.get("created_at").asText()).endsWith("Z");
    assertThat(data.get(0).get("content").isNull()).isTrue();

    JsonNode second = api.get("/v1/app/feedbacks?page=2&limit=1", app.key()).json().get("data");
    assertThat(second.findValuesAsText("message_id")).containsExactly(liked);
    Api.Reply badLimit = api.get("/v1/app/feedbacks?limit=102", app.key());
    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(badLimit.code()).isEqualTo("invalid_param");
    assertThat(api.get("/v1/app/feedbacks?page=0", app.key()).status()).isEqualTo(400);
  }

  @Test
  @DisplayName("an end user is shown to its own app only; others get end_user_not_found")
  void endUsers() {
    Api.AppKey app = api.createApp("chat");
    Api.AppKey other = api.createApp("chat");
    String message = messageOf(app, "hal");
    api.post(
        "/v1/messages/" + message + "/feedbacks",
        app.key(),
        "{\"rating\":\"like\",\"user\":\"hal\"}");
    String userId =
        api.get("/v1/app/feedbacks", app.key()).json().at("/data/0/from_end_user_id").asText();

    JsonNode user = api.get("/v1/end-users/" + userId, app.key()).json();
    assertThat(user.get("id").asText()).isEqualTo(userId);
    assertThat(user.get("external_user_id").asText()).isEqualTo("hal");
    assertThat(user.get("session_id").asText()).isEqualTo("hal");
    assertThat(user.get("app_id").asText()).isEqualTo(app.id());
    assertThat(user.get("type").asText()).isEqualTo("service-api");
    assertThat(user.get("is_anonymous").asBoolean()).isFalse();

    for (String path :
        new String[] {"/v1/end-users/" + userId, "/v1/end-users/" + UUID.randomUUID()}) {
      Api.Reply missing = api.get(path, path.endsWith(userId) ? other.key() : app.key());
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.code()).as(path + " " + missing.text()).isEqualTo("end_user_not_found");
      assertThat(missing.json().get("message").asText()).isEqualTo("End user not found.");
    }
    Api.Reply malformed = api.get("/v1/end-users/not-a-uuid", app.key());
    assertThat(malformed.status()).isEqualTo(404);
    assertThat(malformed.code()).isEqualTo("not_found");
  }
}
