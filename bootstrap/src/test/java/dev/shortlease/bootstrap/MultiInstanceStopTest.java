package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.hang;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.adapter.persistence.PersistenceSettings;
import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.testing.ScriptedChatModel;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two instances on one PostgreSQL database, as behind a load balancer without sticky routing. */
@PostgresTest
class MultiInstanceStopTest {

  @Test
  @Timeout(30) // without the relay the stream would wait for the model forever
  @DisplayName("a stop sent to the other instance ends the stream and saves the answer as stopped")
  void stopReachesTheInstanceRunningTheTask() throws Exception {
    PersistenceSettings database = PostgresTestDatabase.settings();
    Map<String, String> env = TestServers.env();
    env.put("DATABASE_URL", database.jdbcUrl());
    if (database.user() != null) {
      env.put("DATABASE_USER", database.user());
      env.put("DATABASE_PASSWORD", database.password());
    }
    ScriptedChatModel model = new ScriptedChatModel();
    model.then(hang("partial "));
    try (ShortleaseServer running =
            ShortleaseServer.start(
                Settings.fromEnvironment(env),
                binder ->
                    binder
                        .bind(ChatModelPort.class)
                        .annotatedWith(RawModel.class)
                        .toInstance(model));
        ShortleaseServer other = ShortleaseServer.start(Settings.fromEnvironment(env))) {
      Api first = new Api(running);
      Api second = new Api(other);
      Api.AppKey app = first.createApp("chat");

      try (InputStream stream =
          first.stream("/v1/chat-messages", app.key(), Api.chat("ivy", "Go", "streaming", null))) {
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        JsonNode started = Api.firstEvent(reader);
        String task = started.get("task_id").asText();

        Api.Reply stop =
            second.post("/v1/chat-messages/" + task + "/stop", app.key(), "{\"user\":\"ivy\"}");
        assertThat(stop.json().get("result").asText()).isEqualTo("success");

        String rest = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(rest).contains("\"event\":\"message_end\"");
        JsonNode history =
            second
                .get(
                    "/v1/messages?user=ivy&conversation_id="
                        + started.get("conversation_id").asText(),
                    app.key())
                .json();
        assertThat(history.at("/data/0/status").asText()).isEqualTo("stopped");
        assertThat(history.at("/data/0/answer").asText()).isEqualTo("partial ");
      }
    }
  }
}
