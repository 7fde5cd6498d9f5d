package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Module;
import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.testing.ScriptedChatModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A model's text PostgreSQL cannot store as sent — the NUL character, half of a surrogate pair —
 * and emoji split between two tokens: the answer is saved, and what the client saw is what was
 * saved (what is no character shown as U+FFFD both ways, a split emoji whole in one chunk).
 */
@PostgresTest
class NulFromTheModelOnPostgresTest {

  @Test
  @DisplayName("an answer with NUL is saved, as the client saw it")
  void answerWithNulIsSaved() {
    ScriptedChatModel model = new ScriptedChatModel().otherwise(reply("a", "\0", "b"));
    Module scripted =
        binder -> binder.bind(ChatModelPort.class).annotatedWith(RawModel.class).toInstance(model);
    Map<String, String> env = TestServers.env();
    env.put("DATABASE_URL", PostgresTestDatabase.settings().jdbcUrl());
    env.put("FINAL_SAVE_RETRY_SECONDS", "2");
    try (ShortleaseServer server =
        ShortleaseServer.start(Settings.fromEnvironment(env), scripted)) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("chat");

      Api.Reply reply =
          api.post("/v1/chat-messages", app.key(), Api.chat("u", "hi", "blocking", null));

      assertThat(reply.status()).as(reply.text()).isEqualTo(200);
      assertThat(reply.json().get("answer").asText()).isEqualTo("a\uFFFDb");
      JsonNode saved =
          api.get(
                  "/v1/messages?user=u&conversation_id="
                      + reply.json().get("conversation_id").asText(),
                  app.key())
              .json()
              .at("/data/0");
      assertThat(saved.get("answer").asText()).isEqualTo("a\uFFFDb");
      assertThat(saved.get("status").asText()).isEqualTo("normal");
    }
  }

  @Test
  @DisplayName(
      "an emoji split between two tokens streams whole, half pairs become U+FFFD, as saved")
  void splitPairsStreamWholeAndHalfPairsAsSaved() {
    ScriptedChatModel model =
        new ScriptedChatModel()
            .otherwise(
                reply("Hi \uD83D", "\uDE00 \uD83C", "\uDDEF\uD83C\uDDF5 lone:\uDC00 end\uD83D"));
    Module scripted =
        binder -> binder.bind(ChatModelPort.class).annotatedWith(RawModel.class).toInstance(model);
    Map<String, String> env = TestServers.env();
    env.put("DATABASE_URL", PostgresTestDatabase.settings().jdbcUrl());
    try (ShortleaseServer server =
        ShortleaseServer.start(Settings.fromEnvironment(env), scripted)) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("chat");

      Api.Reply stream =
          api.post("/v1/chat-messages", app.key(), Api.chat("u", "hi", "streaming", null));

      assertThat(stream.status()).as(stream.text()).isEqualTo(200);
      List<String> chunks =
          stream.events().stream()
              .filter(e -> e.get("event").asText().equals("message"))
              .map(e -> e.get("answer").asText())
              .toList();
      assertThat(chunks)
          .as("no chunk holds half of a pair: a client that is not JavaScript cannot join halves")
          .allSatisfy(
              c ->
                  assertThat(c.codePoints())
                      .noneMatch(
                          cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE));
      String streamed = String.join("", chunks);
      assertThat(streamed)
          .isEqualTo("Hi \uD83D\uDE00 \uD83C\uDDEF\uD83C\uDDF5 lone:\uFFFD end\uFFFD");
      JsonNode saved =
          api.get(
                  "/v1/messages?user=u&conversation_id="
                      + stream.events().getFirst().get("conversation_id").asText(),
                  app.key())
              .json()
              .at("/data/0");
      assertThat(saved.get("answer").asText()).isEqualTo(streamed);
    }
  }
}
