package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.application.testing.ScriptedChatModel;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The per-model series of /metrics follow the models apps name, not every model ever named. */
class ModelSeriesForgottenTest {

  @Test
  @DisplayName(
      "an admin's PATCH of an app's model drops the old model's series, unless another app still"
          + " names it")
  void oldModelSeriesGoesWithTheLastAppNamingIt() {
    try (ShortleaseServer server =
        TestServers.scripted(new ScriptedChatModel().otherwise(reply("ok")))) {
      Api api = new Api(server);
      Api.AppKey alone = api.createApp("chat", model("model-alone"));
      Api.AppKey first = api.createApp("chat", model("model-shared"));
      Api.AppKey second = api.createApp("chat", model("model-shared"));
      for (Api.AppKey app : new Api.AppKey[] {alone, first, second}) {
        assertThat(
                api.post("/v1/chat-messages", app.key(), Api.chat("u", "Hi", "blocking", null))
                    .status())
            .isEqualTo(200);
      }
      assertThat(series(api)).contains(label("model-alone"), label("model-shared"));

      api.updateApp(alone, "{" + model("model-renamed") + "}");
      api.updateApp(first, "{" + model("model-renamed") + "}");

      assertThat(series(api))
          .doesNotContain(label("model-alone"))
          .contains(label("model-shared")); // the second app still names it
    }
  }

  @Test
  @DisplayName("an app without a model of its own keeps LLM_MODEL's series: that is what it calls")
  void placeholderKeepsTheConfiguredModelsSeries() {
    try (ShortleaseServer server = TestServers.simulated(Map.of("LLM_MODEL", "configured-model"))) {
      Api api = new Api(server);
      Api.AppKey plain = api.createApp("chat");
      Api.AppKey own = api.createApp("chat", model("model-a"));
      for (Api.AppKey app : new Api.AppKey[] {plain, own}) {
        assertThat(
                api.post("/v1/chat-messages", app.key(), Api.chat("u", "Hi", "blocking", null))
                    .status())
            .isEqualTo(200);
      }
      assertThat(series(api)).contains(label("configured-model"), label("model-a"));

      api.updateApp(own, "{" + model("model-b") + "}");

      assertThat(series(api))
          .doesNotContain(label("model-a"))
          .contains(label("configured-model")); // the plain app still calls it
    }
  }

  private static String model(String name) {
    return "\"model_settings\": {\"model\": \"" + name + "\"}";
  }

  private static String label(String model) {
    return "gen_ai_request_model=\"" + model + "\"";
  }

  private static String series(Api api) {
    return api.get("/metrics", null).text();
  }
}
