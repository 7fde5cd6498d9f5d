package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.slowReply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.application.testing.ScriptedChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code /dashboard} and {@code /admin/activity} over HTTP, without a browser. */
class DashboardEndpointsTest {

  @Test
  @DisplayName(
      "the page is open under a strict CSP; its data needs the admin token and shows each chat's"
          + " leases apart from its model call")
  void pageAndData() throws Exception {
    ScriptedChatModel model =
        new ScriptedChatModel().otherwise(slowReply(Duration.ofMillis(40), "a", "b", "c"));
    try (ShortleaseServer server = TestServers.scripted(model)) {
      Api api = new Api(server);
      for (String path :
          List.of("/dashboard", "/dashboard/dashboard.js", "/dashboard/dashboard.css")) {
        Api.Reply asset = api.get(path, null);
        assertThat(asset.status()).as(path).isEqualTo(200);
        assertThat(asset.raw().headers().firstValue("Content-Security-Policy"))
            .as(path)
            .hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'none'", "script-src 'self'"));
      }
      assertThat(
              api.get("/dashboard/dashboard.js", null).raw().headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
      assertThat(api.get("/dashboard", null).text())
          .doesNotContain("<script>")
          .contains("src=\"/dashboard/dashboard.js\"");

      Api.AppKey app = api.createApp("chat");
      for (int i = 0; i < 2; i++) {
        assertThat(
                api.post("/v1/chat-messages", app.key(), Api.chat("u", "Hi", "blocking", null))
                    .status())
            .isEqualTo(200);
      }

      assertThat(api.get("/admin/activity", null).status()).isEqualTo(401);
      assertThat(api.get("/admin/activity", "not-the-token").status()).isEqualTo(401);
      Api.Reply tooMany = api.get("/admin/activity?chats=0", TestServers.ADMIN_TOKEN);
      assertThat(tooMany.status()).isEqualTo(400);
      assertThat(tooMany.json().get("message").asText()).contains("chats");

      JsonNode activity = api.get("/admin/activity?chats=5", TestServers.ADMIN_TOKEN).json();
      assertThat(activity.get("samples").size()).as("sampled at start").isPositive();
      assertThat(activity.get("lease_millis").size()).isEqualTo(12);
      JsonNode chats = activity.get("chats");
      assertThat(chats.size()).isEqualTo(2);
      for (JsonNode chat : chats) {
        List<JsonNode> models = new ArrayList<>();
        List<JsonNode> leases = new ArrayList<>();
        chat.get("intervals")
            .forEach(i -> (i.get("kind").asText().equals("model") ? models : leases).add(i));
        assertThat(models).hasSize(1);
        JsonNode call = models.get(0);
        assertThat(call.get("end_millis").asDouble() - call.get("start_millis").asDouble())
            .as("three tokens 40 ms apart")
            .isGreaterThanOrEqualTo(80.0);
        assertThat(leases).as("T2 before, T4 after").hasSizeGreaterThanOrEqualTo(2);
        assertThat(leases)
            .allSatisfy(
                lease ->
                    assertThat(
                            lease.get("end_millis").asDouble()
                                    <= call.get("start_millis").asDouble()
                                || lease.get("start_millis").asDouble()
                                    >= call.get("end_millis").asDouble())
                        .as("lease %s apart from the model call %s", lease, call)
                        .isTrue());
      }
    }
  }
}
