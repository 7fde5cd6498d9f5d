package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The model a call is measured and drawn under is the one the adapter calls: an app created without
 * a model stores the placeholder {@code simulated}, and the adapter calls {@code LLM_MODEL}
 * instead, so {@code gen_ai_request_model} and the live page must name {@code LLM_MODEL} too.
 */
class ModelLabelTest {
  private ShortleaseServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @DisplayName(
      "an app without a model is measured and drawn under LLM_MODEL, another under its own")
  void callsAreLabelledWithTheModelCalled() {
    server = TestServers.simulated(Map.of("LLM_MODEL", "configured-model"));
    Api api = new Api(server);
    Api.AppKey plain = api.createApp("chat");
    Api.AppKey own = api.createApp("chat", "\"model_settings\":{\"model\":\"own-model\"}");
    assertThat(chat(api, plain)).isEqualTo(200);
    assertThat(chat(api, own)).isEqualTo(200);

    String scrape = api.get("/metrics", null).text();
    assertThat(scrape)
        .contains("gen_ai_request_model=\"configured-model\"")
        .contains("gen_ai_request_model=\"own-model\"")
        .doesNotContain("gen_ai_request_model=\"simulated\"");

    JsonNode activity = api.get("/admin/activity", TestServers.ADMIN_TOKEN).json();
    List<String> drawn = new ArrayList<>();
    activity.path("chats").forEach(chat -> chat.path("intervals").forEach(i -> add(drawn, i)));
    assertThat(drawn)
        .as("model calls on the live page")
        .containsOnly("configured-model", "own-model");
  }

  private static int chat(Api api, Api.AppKey app) {
    return api.post("/v1/chat-messages", app.key(), Api.chat("u", "Hello", "blocking", null))
        .status();
  }

  private static void add(List<String> models, JsonNode interval) {
    if (interval.path("kind").asText().equals("model")) {
      models.add(interval.path("label").asText());
    }
  }
}
