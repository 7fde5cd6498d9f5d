package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Module;
import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.testing.ScriptedChatModel;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A model's text with the NUL character, which PostgreSQL cannot store: the answer is saved, and
 * what the client saw is what was saved (NUL shown as U+FFFD both ways).
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
}
