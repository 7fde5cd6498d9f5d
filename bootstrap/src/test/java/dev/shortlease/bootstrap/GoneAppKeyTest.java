package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Dify's 403 "The app no longer exists." over real HTTP. The admin API deletes no app, and a key's
 * row needs its app's, so the one way here is the app cache: an operator deletes the app (with its
 * keys) in the database while an instance still has the key cached, within {@code
 * APP_CACHE_TTL_MS}. Dify's token cache has the same window.
 */
class GoneAppKeyTest {

  @Test
  @DisplayName("a cached key whose app was deleted is 403 forbidden, as Dify, not 401")
  void keyOfADeletedApp() throws Exception {
    Map<String, String> env = TestServers.env();
    env.put("APP_CACHE_TTL_MS", "10000");
    try (ShortleaseServer server = ShortleaseServer.start(Settings.fromEnvironment(env))) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("chat");
      assertThat(api.get("/v1/info", app.key()).status()).isEqualTo(200); // the key is cached
      // A change drops the app, not the key, from this instance's cache.
      api.patch("/admin/apps/" + app.id(), TestServers.ADMIN_TOKEN, "{\"name\":\"doomed\"}");
      deleteApp(env.get("DATABASE_URL"), app.id());

      Api.Reply gone = api.get("/v1/info", app.key());

      assertThat(gone.status()).as(gone.text()).isEqualTo(403);
      JsonNode body = gone.json();
      assertThat(body.get("code").asText()).isEqualTo("forbidden");
      assertThat(body.get("status").asInt()).isEqualTo(403);
      assertThat(body.get("message").asText()).isEqualTo("The app no longer exists.");
    }
  }

  /** What an operator would run: the app's keys, then the app. */
  private static void deleteApp(String url, String id) throws Exception {
    try (Connection connection = DriverManager.getConnection(url)) {
      for (String sql :
          new String[] {"delete from api_key where app_id = ?", "delete from app where id = ?"}) {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
          delete.setObject(1, UUID.fromString(id));
          delete.executeUpdate();
        }
      }
    }
  }
}
