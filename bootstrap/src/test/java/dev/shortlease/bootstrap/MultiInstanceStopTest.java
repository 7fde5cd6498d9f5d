package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.hang;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.adapter.persistence.PersistenceSettings;
import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import dev.shortlease.application.port.in.ShutdownUseCase;
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
    Map<String, String> env = postgresEnv();
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
        assertThat(history.at("/data/0/generation_status").asText()).isEqualTo("stopped");
        assertThat(history.at("/data/0/answer").asText()).isEqualTo("partial ");
      }
    }
  }

  @Test
  @Timeout(90) // two starts on a busy machine; the stop itself is timed below
  @DisplayName(
      "a non-owner's stop, then the owner's, both through the other instance: the run ends within"
          + " 1 s of the owner's")
  void foreignStopFirstDoesNotBlockTheOwners() throws Exception {
    Map<String, String> env = postgresEnv();
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
        String task = Api.firstEvent(reader).get("task_id").asText();
        String stop = "/v1/chat-messages/" + task + "/stop";

        assertThat(second.post(stop, app.key(), "{\"user\":\"mallory\"}").status()).isEqualTo(200);
        Thread.sleep(1_200); // a few polls: the foreign stop must neither stop nor block anything
        assertThat(running.injector().getInstance(ShutdownUseCase.class).runningCount())
            .isEqualTo(1);
        long sent = System.nanoTime();
        assertThat(second.post(stop, app.key(), "{\"user\":\"ivy\"}").status()).isEqualTo(200);

        String rest = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        long millis = (System.nanoTime() - sent) / 1_000_000;
        assertThat(rest).contains("\"event\":\"message_end\"");
        assertThat(millis)
            .as("ms from the owner's stop to the end of the stream")
            .isLessThan(1_000);
      }
    }
  }

  private static Map<String, String> postgresEnv() {
    PersistenceSettings database = PostgresTestDatabase.settings();
    Map<String, String> env = TestServers.env();
    env.put("DATABASE_URL", database.jdbcUrl());
    if (database.user() != null) {
      env.put("DATABASE_USER", database.user());
      env.put("DATABASE_PASSWORD", database.password());
    }
    return env;
  }
}
