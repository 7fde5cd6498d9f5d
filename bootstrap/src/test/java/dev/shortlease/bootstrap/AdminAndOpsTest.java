package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The admin API behind the admin token, and the open operations endpoints. */
class AdminAndOpsTest {
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
  @DisplayName("admin endpoints refuse a missing token, a wrong token and an app key")
  void adminAuth() {
    Api.AppKey app = api.createApp("chat");
    for (String token : new String[] {null, "wrong-token-0123456789", app.key()}) {
      assertThat(api.get("/admin/apps", token).status()).isEqualTo(401);
      assertThat(api.get("/admin/pool", token).status()).isEqualTo(401);
      assertThat(api.post("/admin/apps", token, "{\"name\":\"n\",\"mode\":\"chat\"}").status())
          .isEqualTo(401);
    }
  }

  @Test
  @DisplayName("create an app with settings, chat with its key at once, update it, list it")
  void appLifecycle() {
    Api.Reply created =
        api.post(
            "/admin/apps",
            ADMIN,
            """
            {"name": "Support", "mode": "chat", "description": "helps",
             "model_settings": {"model": "simulated", "temperature": 0.3, "max_tokens": 64},
             "system_prompt": "Be kind.", "opening_statement": "Hi!",
             "suggested_questions": ["How?"]}""");
    assertThat(created.status()).isEqualTo(201);
    JsonNode app = created.json();
    String id = app.get("id").asText();
    String key = app.get("api_key").asText();
    assertThat(key).startsWith("app-");
    assertThat(app.at("/app/model_settings/temperature").asDouble()).isEqualTo(0.3);

    assertThat(api.post("/v1/chat-messages", key, Api.chat("u", "Hi", "blocking", null)).status())
        .isEqualTo(200);
    assertThat(api.get("/v1/parameters", key).json().get("opening_statement").asText())
        .isEqualTo("Hi!");

    JsonNode updated =
        api.patch("/admin/apps/" + id, ADMIN, "{\"name\":\"Support 2\",\"api_enabled\":false}")
            .json();
    assertThat(updated.get("name").asText()).isEqualTo("Support 2");
    assertThat(updated.get("api_enabled").asBoolean()).isFalse();
    assertThat(api.get("/v1/info", key).status()).isEqualTo(403);
    api.patch("/admin/apps/" + id, ADMIN, "{\"api_enabled\":true}");
    assertThat(api.get("/v1/info", key).status()).isEqualTo(200);

    assertThat(api.allApps(ADMIN)).extracting(listed -> listed.get("id").asText()).contains(id);
    assertThat(api.patch("/admin/apps/" + UUID.randomUUID(), ADMIN, "{}").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("keys: issue one (shown once), list without secrets, revoke it")
  void keys() {
    Api.AppKey app = api.createApp("chat");
    Api.Reply issued = api.post("/admin/apps/" + app.id() + "/keys", ADMIN, "{}");
    assertThat(issued.status()).isEqualTo(201);
    String second = issued.json().get("api_key").asText();
    String secondId = issued.json().get("id").asText();
    assertThat(api.get("/v1/info", second).status()).isEqualTo(200);

    Api.Reply listed = api.get("/admin/apps/" + app.id() + "/keys", ADMIN);
    assertThat(listed.json().get("data")).hasSize(2);
    assertThat(listed.text()).doesNotContain(second).doesNotContain(app.key());

    assertThat(api.delete("/admin/apps/" + app.id() + "/keys/" + secondId, ADMIN, "").status())
        .isEqualTo(204);
    assertThat(api.get("/v1/info", second).status()).isEqualTo(401);
    assertThat(api.get("/v1/info", app.key()).status()).isEqualTo(200);
    assertThat(
            api.delete("/admin/apps/" + app.id() + "/keys/" + UUID.randomUUID(), ADMIN, "")
                .status())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("a bad app definition is 400 invalid_param naming the field")
  void badApp() {
    Api.Reply badMode = api.post("/admin/apps", ADMIN, "{\"name\":\"n\",\"mode\":\"workflow\"}");
    assertThat(badMode.status()).isEqualTo(400);
    assertThat(badMode.json().get("message").asText()).contains("mode");
    Api.Reply noName = api.post("/admin/apps", ADMIN, "{\"mode\":\"chat\"}");
    assertThat(noName.status()).isEqualTo(400);
    assertThat(noName.json().get("message").asText()).contains("name");
    Api.Reply hot =
        api.post(
            "/admin/apps",
            ADMIN,
            "{\"name\":\"n\",\"mode\":\"chat\",\"model_settings\":{\"temperature\":7}}");
    assertThat(hot.json().get("message").asText()).contains("temperature");
  }

  @Test
  @DisplayName(
      "a model name over 255 characters is 400 naming it and creates or changes nothing; 255"
          + " emoji are stored")
  void modelNameIsCapped() {
    long before = api.get("/admin/apps", ADMIN).json().get("total").asLong();
    String tooLong = "m".repeat(256);

    Api.Reply create =
        api.post(
            "/admin/apps",
            ADMIN,
            "{\"name\": \"n\", \"mode\": \"chat\", \"model_settings\": {\"model\": \""
                + tooLong
                + "\"}}");
    assertThat(create.status()).as(create.raw().body()).isEqualTo(400);
    assertThat(create.json().get("code").asText()).isEqualTo("invalid_param");
    assertThat(create.json().get("message").asText())
        .isEqualTo("model_settings.model must be at most 255 characters");
    assertThat(api.get("/admin/apps", ADMIN).json().get("total").asLong()).isEqualTo(before);

    String id = api.createApp("chat").id();
    Api.Reply patch =
        api.patch(
            "/admin/apps/" + id, ADMIN, "{\"model_settings\": {\"model\": \"" + tooLong + "\"}}");
    assertThat(patch.status()).as(patch.raw().body()).isEqualTo(400);
    assertThat(api.get("/admin/apps/" + id, ADMIN).json().at("/model_settings/model").asText())
        .isEqualTo("simulated");

    String emoji = "\uD83D\uDE00".repeat(255); // 510 UTF-16 units, 255 characters
    Api.Reply stored =
        api.patch(
            "/admin/apps/" + id, ADMIN, "{\"model_settings\": {\"model\": \"" + emoji + "\"}}");
    assertThat(stored.status()).as(stored.raw().body()).isEqualTo(200);
    assertThat(stored.json().at("/model_settings/model").asText()).isEqualTo(emoji);
  }

  @Test
  @DisplayName("a misspelt admin field is 400 naming it, and changes nothing")
  void unknownFieldsAreRefused() {
    Api.AppKey app = api.createApp("chat");
    String before = api.get("/v1/parameters", app.key()).text();

    Api.Reply patched =
        api.patch("/admin/apps/" + app.id(), ADMIN, "{\"file_uploads\":{\"enabled\":true}}");
    Api.Reply model =
        api.patch("/admin/apps/" + app.id(), ADMIN, "{\"model_settings\":{\"temprature\":1}}");
    Api.Reply created =
        api.post("/admin/apps", ADMIN, "{\"name\":\"n\",\"mode\":\"chat\",\"stauts\":1}");

    assertThat(patched.status()).as(patched.text()).isEqualTo(400);
    assertThat(patched.json().get("message").asText())
        .startsWith("file_uploads is not a field here; the fields are name, description,");
    assertThat(model.json().get("message").asText())
        .isEqualTo(
            "model_settings.temprature is not a field here; the fields are model, temperature,"
                + " max_tokens");
    assertThat(created.status()).as(created.text()).isEqualTo(400);
    assertThat(created.json().get("message").asText()).startsWith("stauts is not a field here");
    assertThat(api.get("/v1/parameters", app.key()).text()).isEqualTo(before);
  }

  @Test
  @DisplayName("a create takes status, api_enabled and max_active_requests as PATCH does")
  void createTakesEveryFieldPatchTakes() {
    Api.Reply created =
        api.post(
            "/admin/apps",
            ADMIN,
            """
            {"name": "paused", "mode": "chat", "status": "disabled", "api_enabled": false,
             "max_active_requests": 5}""");
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonNode app = created.json().get("app");
    String id = created.json().get("id").asText();

    assertThat(app.get("status").asText()).isEqualTo("disabled");
    assertThat(app.get("api_enabled").asBoolean()).isFalse();
    assertThat(app.get("max_active_requests").asInt()).isEqualTo(5);
    assertThat(api.get("/admin/apps/" + id, ADMIN).json()).isEqualTo(app);
    // disabled from its first request: its key serves nothing
    assertThat(api.get("/v1/info", created.json().get("api_key").asText()).status()).isEqualTo(403);
  }

  @Test
  @DisplayName("a create with a bad status, switch or limit is 400 naming it and creates nothing")
  void createRefusesBadPatchFields() {
    long before = api.get("/admin/apps", ADMIN).json().get("total").asLong();
    String[][] cases = {
      {"\"status\": \"paused\"", "status must be normal or disabled"},
      {"\"api_enabled\": \"no\"", "api_enabled must be a boolean"},
      {"\"max_active_requests\": -1", "max_active_requests must be an integer between 0 and"},
    };
    for (String[] c : cases) {
      Api.Reply refused =
          api.post("/admin/apps", ADMIN, "{\"name\":\"n\",\"mode\":\"chat\"," + c[0] + "}");

      assertThat(refused.status()).as(refused.text()).isEqualTo(400);
      assertThat(refused.code()).isEqualTo("invalid_param");
      assertThat(refused.json().get("message").asText()).startsWith(c[1]);
    }
    assertThat(api.get("/admin/apps", ADMIN).json().get("total").asLong()).isEqualTo(before);
    Api.AppKey app = api.createApp("chat");
    Api.Reply mode = api.patch("/admin/apps/" + app.id(), ADMIN, "{\"mode\":\"completion\"}");
    assertThat(mode.status()).as("an app keeps its mode").isEqualTo(400);
  }

  @Test
  @DisplayName("the app as GET shows it can be sent back as a PATCH, edited, whole")
  void getShapeIsAPatch() {
    Api.AppKey app =
        api.createApp(
            "chat",
            """
            "model_settings": {"model": "simulated", "temperature": 0.5},
            "user_input_form": [{"text-input": {"label": "N", "variable": "n", "max_length": 5}},
              {"select": {"label": "L", "variable": "l", "options": ["a", "b"]}},
              {"number": {"label": "A", "variable": "a"}}],
            "conversation_variables": [{"name": "v", "value_type": "number", "value": 1,
              "description": "d"}],
            "file_upload": {"enabled": true, "allowed_file_types": ["image", "audio"]},
            "speech_to_text": {"enabled": true},
            "text_to_speech": {"enabled": true, "voice": "nova"}""");
    ObjectNode shown = (ObjectNode) api.get("/admin/apps/" + app.id(), ADMIN).json();
    shown.put("name", "renamed");
    ((ObjectNode) shown.get("file_upload")).put("number_limits", 5);

    Api.Reply patched = api.patch("/admin/apps/" + app.id(), ADMIN, shown.toString());

    assertThat(patched.status()).as(patched.text()).isEqualTo(200);
    JsonNode after = api.get("/admin/apps/" + app.id(), ADMIN).json();
    assertThat(after.get("name").asText()).isEqualTo("renamed");
    assertThat(after.at("/file_upload/number_limits").asInt()).isEqualTo(5);
    // what the PATCH did not edit stayed, the derived image block following the new limit
    ((ObjectNode) shown.at("/file_upload/image")).put("number_limits", 5);
    assertThat(after).isEqualTo(shown);
  }

  @Test
  @DisplayName("a changed read-only field in a PATCH is 400 naming its path, and changes nothing")
  void changedReadOnlyFieldIsRefused() {
    Api.AppKey app = api.createApp("chat");
    JsonNode before = api.get("/admin/apps/" + app.id(), ADMIN).json();
    String[][] cases = {
      {"{\"name\":\"x\",\"id\":\"" + UUID.randomUUID() + "\"}", "id is read-only"},
      {"{\"name\":\"x\",\"mode\":\"completion\"}", "mode is read-only"},
      {"{\"name\":\"x\",\"created_at\":1}", "created_at is read-only"},
      {
        "{\"file_upload\":{\"enabled\":true,\"image\":{\"number_limits\":9}}}",
        "file_upload.image is read-only"
      },
      {"{\"text_to_speech\":{\"autoPlay\":\"enabled\"}}", "text_to_speech.autoPlay is read-only"},
    };
    for (String[] c : cases) {
      Api.Reply refused = api.patch("/admin/apps/" + app.id(), ADMIN, c[0]);

      assertThat(refused.status()).as(refused.text()).isEqualTo(400);
      assertThat(refused.code()).isEqualTo("invalid_param");
      assertThat(refused.json().get("message").asText()).startsWith(c[1]);
    }
    assertThat(api.get("/admin/apps/" + app.id(), ADMIN).json()).isEqualTo(before);
  }

  @Test
  @DisplayName("an app can be created with its media switches, as PATCH sets them")
  void createWithMediaSwitches() {
    Api.Reply created =
        api.post(
            "/admin/apps",
            ADMIN,
            "{\"name\":\"n\",\"mode\":\"chat\",\"file_upload\":{\"enabled\":true,"
                + "\"allowed_file_types\":[\"image\"],\"number_limits\":2},"
                + "\"speech_to_text\":{\"enabled\":true}}");
    assertThat(created.status()).as(created.text()).isEqualTo(201);

    var parameters = api.get("/v1/parameters", created.json().get("api_key").asText()).json();

    assertThat(parameters.at("/file_upload/enabled").asBoolean()).isTrue();
    assertThat(parameters.at("/file_upload/number_limits").asInt()).isEqualTo(2);
    assertThat(parameters.at("/speech_to_text/enabled").asBoolean()).isTrue();
  }

  @Test
  @DisplayName(
      "create, get, list and patch show one app shape, the media switches included, as saved")
  void oneAppShapeWithMediaSwitches() {
    Api.Reply created =
        api.post(
            "/admin/apps",
            ADMIN,
            "{\"name\":\"media\",\"mode\":\"chat\",\"file_upload\":{\"enabled\":true,"
                + "\"allowed_file_types\":[\"image\",\"document\"],\"number_limits\":4},"
                + "\"speech_to_text\":{\"enabled\":true},"
                + "\"text_to_speech\":{\"enabled\":true,\"voice\":\"nova\"}}");
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonNode fromCreate = created.json().get("app");
    String id = fromCreate.get("id").asText();
    Api.AppKey plain = api.createApp("chat");

    JsonNode fromGet = api.get("/admin/apps/" + id, ADMIN).json();
    JsonNode fromList = listed(id);
    JsonNode fromPatch = api.patch("/admin/apps/" + id, ADMIN, "{}").json();

    assertThat(fromCreate.at("/file_upload/enabled").asBoolean()).isTrue();
    assertThat(fromCreate.at("/file_upload/number_limits").asInt()).isEqualTo(4);
    assertThat(fromCreate.at("/file_upload/allowed_file_types").toString())
        .isEqualTo("[\"document\",\"image\"]");
    assertThat(fromCreate.at("/speech_to_text/enabled").asBoolean()).isTrue();
    assertThat(fromCreate.at("/text_to_speech/voice").asText()).isEqualTo("nova");
    assertThat(fromGet).isEqualTo(fromCreate);
    assertThat(fromList).isEqualTo(fromCreate);
    assertThat(fromPatch).isEqualTo(fromCreate);
    JsonNode off = listed(plain.id());
    assertThat(off.at("/file_upload/enabled").asBoolean()).isFalse();
    assertThat(off.at("/speech_to_text/enabled").asBoolean()).isFalse();
    assertThat(off.at("/text_to_speech/enabled").asBoolean()).isFalse();
    assertThat(api.get("/admin/apps/" + plain.id(), ADMIN).json()).isEqualTo(off);
    assertThat(api.get("/admin/apps/" + UUID.randomUUID(), ADMIN).status()).isEqualTo(404);
    assertThat(api.get("/admin/apps/" + id, plain.key()).status()).isEqualTo(401);
  }

  private static JsonNode listed(String id) {
    for (JsonNode app : api.allApps(ADMIN)) {
      if (app.get("id").asText().equals(id)) {
        return app;
      }
    }
    throw new AssertionError("app " + id + " is not listed");
  }

  @Test
  @DisplayName("pool snapshot, Prometheus metrics and health probes are served")
  void operations() {
    JsonNode pool = api.get("/admin/pool", ADMIN).json();
    assertThat(pool.get("max").asInt()).isEqualTo(4);
    assertThat(pool.has("threads_waiting")).isTrue();
    assertThat(pool.at("/acquire_millis/p99").isNumber()).isTrue();

    Api.Reply metrics = api.get("/metrics", null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.raw().headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/plain");
    assertThat(metrics.text()).contains("hikaricp_connections");

    assertThat(api.get("/health/live", null).json().get("status").asText()).isEqualTo("UP");
    assertThat(api.get("/health/ready", null).json().get("status").asText()).isEqualTo("UP");
  }
}
