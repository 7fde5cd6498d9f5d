package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.hang;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.testing.ScriptedChatModel;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stops that must travel to other instances are rate-limited per app; local ones never are. */
class StopRelayLimitTest {

  @Test
  @Timeout(60)
  @DisplayName(
      "random stops beyond the app's budget get 429 too_many_requests and write nothing; a stop of"
          + " a run on this instance still works")
  void randomStopsAreLimited() throws Exception {
    Map<String, String> env = TestServers.env();
    env.put("STOP_RELAY_RATE", "2"); // burst: 10
    ScriptedChatModel model = new ScriptedChatModel();
    model.then(hang("partial "));
    try (ShortleaseServer server =
        ShortleaseServer.start(
            Settings.fromEnvironment(env),
            binder ->
                binder.bind(ChatModelPort.class).annotatedWith(RawModel.class).toInstance(model))) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("chat");

      long started = System.nanoTime();
      int accepted = 0;
      Api.Reply refused = null;
      for (int i = 0; i < 300; i++) {
        Api.Reply reply =
            api.post(
                "/v1/chat-messages/" + UUID.randomUUID() + "/stop",
                app.key(),
                "{\"user\":\"mallory\"}");
        if (reply.status() == 200) {
          accepted++;
        } else {
          refused = reply;
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;

      assertThat(accepted).isBetween(10, 10 + (int) Math.ceil(2 * seconds) + 1);
      assertThat(refused).isNotNull();
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.code()).isEqualTo("too_many_requests");
      assertThat(refused.raw().headers().firstValue("Retry-After")).contains("1");
      assertThat(storedStops(env.get("DATABASE_URL"))).isEqualTo(accepted);

      try (InputStream stream =
          api.stream("/v1/chat-messages", app.key(), Api.chat("ivy", "Go", "streaming", null))) {
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        String task = Api.firstEvent(reader).get("task_id").asText();
        Api.Reply stop =
            api.post("/v1/chat-messages/" + task + "/stop", app.key(), "{\"user\":\"ivy\"}");
        assertThat(stop.status()).as("a local stop spends no budget").isEqualTo(200);
        assertThat(new String(stream.readAllBytes(), StandardCharsets.UTF_8))
            .contains("\"event\":\"message_end\"");
      }
    }
  }

  private static int storedStops(String url) throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        ResultSet rows =
            connection.createStatement().executeQuery("select count(*) from stop_request")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
