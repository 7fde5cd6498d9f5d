package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /admin/apps} in pages, and PATCHes of different fields of one app that all stay. */
class AdminAppsPagingTest {
  private static final String ADMIN = TestServers.ADMIN_TOKEN;
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
  @DisplayName("apps come in pages, oldest first, with page, limit, total and has_more")
  void appsArePaged() {
    List<String> mine =
        List.of(api.createApp("chat").id(), api.createApp("chat").id(), api.createApp("chat").id());
    JsonNode first = api.get("/admin/apps", ADMIN).json();
    assertThat(first.get("page").asInt()).isEqualTo(1);
    assertThat(first.get("limit").asInt()).isEqualTo(20);
    long total = first.get("total").asLong();
    assertThat(total).isGreaterThanOrEqualTo(3);
    assertThat(first.get("has_more").asBoolean()).isEqualTo(total > 20);

    JsonNode tail = api.get("/admin/apps?limit=2&page=" + ((total + 1) / 2), ADMIN).json();
    JsonNode before = api.get("/admin/apps?limit=1&page=" + (total - 2), ADMIN).json();
    assertThat(before.get("data").get(0).get("id").asText()).isEqualTo(mine.get(0));
    assertThat(before.get("has_more").asBoolean()).isTrue();
    assertThat(tail.get("has_more").asBoolean()).isFalse();
    assertThat(tail.get("data").findValuesAsText("id")).endsWith(mine.get(2));
    assertThat(tail.get("total").asLong()).isEqualTo(total);

    JsonNode listed = before.get("data").get(0);
    assertThat(listed).isEqualTo(api.get("/admin/apps/" + mine.get(0), ADMIN).json());
    JsonNode beyond = api.get("/admin/apps?page=" + (total + 1), ADMIN).json();
    assertThat(beyond.get("data")).isEmpty();
    assertThat(beyond.get("has_more").asBoolean()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "page=0, page must be between 1 and 1000000",
    "page=x, page must be an integer between 1 and 1000000",
    "page=1000001, page must be between 1 and 1000000",
    "limit=0, limit must be between 1 and 100",
    "limit=101, limit must be between 1 and 100",
    "limit=ten, limit must be an integer between 1 and 100",
  })
  @DisplayName("a page or limit out of range is 400 invalid_param in Dify's shape")
  void badPagingIsRefused(String query, String message) {
    Api.Reply reply = api.get("/admin/apps?" + query, ADMIN);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("code").asText()).isEqualTo("invalid_param");
    assertThat(reply.json().get("message").asText()).isEqualTo(message);
    assertThat(reply.json().get("status").asInt()).isEqualTo(400);
  }

  @Test
  @DisplayName("PATCHes of different model settings and switches of one app all stay")
  void patchesOfDifferentFieldsAllStay() {
    Api.AppKey app = api.createApp("chat");
    String path = "/admin/apps/" + app.id();

    api.patch(path, ADMIN, "{\"model_settings\": {\"temperature\": 0.7}}");
    api.patch(path, ADMIN, "{\"model_settings\": {\"max_tokens\": 256}}");
    api.patch(path, ADMIN, "{\"file_upload\": {\"enabled\": true, \"number_limits\": 4}}");
    JsonNode last =
        api.patch(path, ADMIN, "{\"text_to_speech\": {\"enabled\": true, \"voice\": \"alloy\"}}")
            .json();

    assertThat(last).isEqualTo(api.get(path, ADMIN).json());
    assertThat(last.at("/model_settings/model").asText()).isEqualTo("simulated");
    assertThat(last.at("/model_settings/temperature").asDouble()).isEqualTo(0.7);
    assertThat(last.at("/model_settings/max_tokens").asInt()).isEqualTo(256);
    assertThat(last.at("/file_upload/enabled").asBoolean()).isTrue();
    assertThat(last.at("/file_upload/number_limits").asInt()).isEqualTo(4);
    assertThat(last.at("/text_to_speech/enabled").asBoolean()).isTrue();
    assertThat(last.at("/text_to_speech/voice").asText()).isEqualTo("alloy");
  }

  @Test
  @DisplayName("a PATCH with a bad switch changes nothing, whatever else it sets")
  void badPatchChangesNothing() {
    Api.AppKey app = api.createApp("chat");
    String path = "/admin/apps/" + app.id();
    JsonNode before = api.get(path, ADMIN).json();

    Api.Reply reply =
        api.patch(
            path,
            ADMIN,
            "{\"name\": \"renamed\", \"model_settings\": {\"temperature\": 0.1},"
                + " \"file_upload\": {\"number_limits\": 11}}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("code").asText()).isEqualTo("invalid_param");
    assertThat(api.get(path, ADMIN).json()).isEqualTo(before);
  }
}
