package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.testing.ScriptedChatModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15 item 3 over HTTP: an app's user input form (admin API and {@code /v1/parameters}),
 * inputs checked against it with Dify's 400s, input types kept, and later turns running with the
 * conversation's stored inputs.
 */
class FormsAndInputsTest {
  private static final ScriptedChatModel MODEL = new ScriptedChatModel();

  /** A form with every kind; the system prompt uses two of its variables. */
  private static final String FORM_APP =
      """
      "system_prompt": "Answer in {{lang}} for someone aged {{age}}.",
      "user_input_form": [
        {"text-input": {"label": "Name", "variable": "name", "required": true, "max_length": 5}},
        {"paragraph": {"label": "Notes", "variable": "notes", "required": false, "default": "-"}},
        {"select": {"label": "Language", "variable": "lang", "required": true,
                    "options": ["French", "German"]}},
        {"number": {"label": "Age", "variable": "age", "required": false}}
      ]""";

  private static ShortleaseServer server;
  private static Api api;

  @BeforeAll
  static void start() {
    server = TestServers.scripted(MODEL);
    api = new Api(server);
    MODEL.otherwise(reply("ok"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A blocking chat with no auto-naming, so the model's last request is this chat's. */
  private static String chatBody(String user, String inputs, String conversation) {
    return "{\"inputs\":"
        + inputs
        + ",\"query\":\"hi\",\"response_mode\":\"blocking\",\"auto_generate_name\":false,"
        + "\"user\":\""
        + user
        + "\""
        + (conversation == null ? "" : ",\"conversation_id\":\"" + conversation + "\"")
        + "}";
  }

  private static String systemPrompt(ModelRequest request) {
    return request.messages().stream()
        .filter(m -> m instanceof ModelMessage.System)
        .map(m -> ((ModelMessage.System) m).text())
        .findFirst()
        .orElse("");
  }

  @Test
  @DisplayName("a completion app gets Dify's default form and answers a request with only inputs")
  void completionDefaultForm() {
    Api.AppKey app = api.createApp("completion");
    JsonNode form = api.get("/v1/parameters", app.key()).json().get("user_input_form");
    assertThat(form.toString())
        .isEqualTo(
            "[{\"paragraph\":{\"label\":\"Query\",\"variable\":\"query\",\"required\":true,"
                + "\"default\":\"\"}}]");

    Api.Reply answered =
        api.post(
            "/v1/completion-messages",
            app.key(),
            "{\"inputs\":{\"query\":\"Translate hello\"},\"user\":\"dan\"}");
    assertThat(answered.status()).isEqualTo(200);
    assertThat(answered.json().get("answer").asText()).isEqualTo("ok");
    assertThat(MODEL.requests().getLast().messages().getLast())
        .isEqualTo(new ModelMessage.User("Translate hello"));

    Api.Reply missing =
        api.post("/v1/completion-messages", app.key(), "{\"inputs\":{},\"user\":\"dan\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.code()).isEqualTo("invalid_param");
    assertThat(missing.json().get("message").asText()).isEqualTo("query is required in input form");
  }

  @Test
  @DisplayName("a completion form without query sends its values, and fills the system prompt")
  void completionWithOwnForm() {
    Api.AppKey app =
        api.createApp(
            "completion",
            """
            "system_prompt": "Translate into {{target}}.",
            "user_input_form": [{"select": {"label": "Target", "variable": "target",
              "required": true, "options": ["French", "Spanish"]}},
              {"paragraph": {"label": "Text", "variable": "text", "required": true}}]""");
    Api.Reply answered =
        api.post(
            "/v1/completion-messages",
            app.key(),
            "{\"inputs\":{\"target\":\"Spanish\",\"text\":\"good day\"},\"user\":\"dan\"}");
    assertThat(answered.status()).isEqualTo(200);
    ModelRequest request = MODEL.requests().getLast();
    assertThat(systemPrompt(request)).isEqualTo("Translate into Spanish.");
    assertThat(request.messages().getLast())
        .isEqualTo(new ModelMessage.User("Target: Spanish\nText: good day"));
  }

  @Test
  @DisplayName("the admin API sets, shows and replaces the form; /v1/parameters shows it")
  void adminConfiguresForm() {
    Api.AppKey app = api.createApp("chat", FORM_APP);
    JsonNode form = api.get("/v1/parameters", app.key()).json().get("user_input_form");
    assertThat(form).hasSize(4);
    assertThat(form.get(0).get("text-input").get("max_length").asInt()).isEqualTo(5);
    assertThat(form.get(2).get("select").get("options").toString())
        .isEqualTo("[\"French\",\"German\"]");
    assertThat(form.get(3).get("number").get("variable").asText()).isEqualTo("age");

    Api.Reply patched =
        api.patch(
            "/admin/apps/" + app.id(),
            TestServers.ADMIN_TOKEN,
            "{\"user_input_form\":[{\"number\":{\"label\":\"N\",\"variable\":\"n\","
                + "\"required\":false}}]}");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().get("user_input_form").toString())
        .isEqualTo(
            "[{\"number\":{\"label\":\"N\",\"variable\":\"n\",\"required\":false,"
                + "\"default\":null}}]");
    // The app cache of this instance is dropped by the write, so the next read sees it.
    assertThat(api.get("/v1/parameters", app.key()).json().get("user_input_form")).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown kind|[{\"slider\":{\"label\":\"S\",\"variable\":\"s\"}}]|user_input_form[0]"
            + " field type must be one of text-input, paragraph, select, number",
        "variable starting with a digit|[{\"text-input\":{\"label\":\"A\",\"variable\":\"1a\"}}]"
            + "|variable in user_input_form must be a string, and cannot start with a number: 1a",
        "no label|[{\"text-input\":{\"variable\":\"a\"}}]|label is required in user_input_form",
        "duplicate|[{\"text-input\":{\"label\":\"A\",\"variable\":\"a\"}},{\"number\":{\"label\""
            + ":\"B\",\"variable\":\"a\"}}]|variable a is duplicated in user_input_form",
        "default outside options|[{\"select\":{\"label\":\"A\",\"variable\":\"a\",\"options\":"
            + "[\"x\"],\"default\":\"y\"}}]|default value in user_input_form must be in the"
            + " options list",
      })
  @DisplayName("a bad form is a 400 from the admin API and creates nothing")
  void badFormIsRefused(String what, String form, String message) {
    long before = api.get("/admin/apps", TestServers.ADMIN_TOKEN).json().get("total").asLong();
    Api.Reply reply =
        api.post(
            "/admin/apps",
            TestServers.ADMIN_TOKEN,
            "{\"name\":\"bad\",\"mode\":\"chat\",\"user_input_form\":" + form + "}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("invalid_param");
    assertThat(reply.json().get("message").asText()).isEqualTo(message);
    assertThat(api.get("/admin/apps", TestServers.ADMIN_TOKEN).json().get("total").asLong())
        .isEqualTo(before);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"lang\":\"French\"}|name is required in input form",
        "{\"name\":7,\"lang\":\"French\"}|(type 'text-input') name in input form must be a string",
        "{\"name\":\"Al\",\"notes\":[1],\"lang\":\"French\"}"
            + "|(type 'paragraph') notes in input form must be a string",
        "{\"name\":\"Al\",\"lang\":\"Dutch\"}"
            + "|lang in input form must be one of the following: ['French', 'German']",
        "{\"name\":\"Albert\",\"lang\":\"French\"}"
            + "|name in input form must be less than 5 characters",
        "{\"name\":\"Al\",\"lang\":\"French\",\"age\":\"old\"}"
            + "|age in input form must be a valid number",
      })
  @DisplayName("inputs that break the form get Dify's 400 and save nothing")
  void badInputsAreRefused(String inputs, String message) {
    Api.AppKey app = api.createApp("chat", FORM_APP);
    Api.Reply reply = api.post("/v1/chat-messages", app.key(), chatBody("val", inputs, null));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("invalid_param");
    assertThat(reply.json().get("message").asText()).isEqualTo(message);
    assertThat(reply.json().get("status").asInt()).isEqualTo(400);
    assertThat(api.get("/v1/conversations?user=val", app.key()).json().get("data")).isEmpty();
  }

  @Test
  @DisplayName(
      "inputs keep their types in messages and conversations, and later turns use the stored ones")
  void typesKeptAndLaterTurnsUseConversationInputs() {
    Api.AppKey app = api.createApp("chat", FORM_APP);
    JsonNode first =
        api.post(
                "/v1/chat-messages",
                app.key(),
                chatBody(
                    "tia",
                    "{\"name\":\"Tia\",\"lang\":\"French\",\"age\":\"42\","
                        + "\"extra\":\"dropped\"}",
                    null))
            .json();
    String conversation = first.get("conversation_id").asText();
    assertThat(systemPrompt(MODEL.requests().getLast()))
        .isEqualTo("Answer in French for someone aged 42.");

    // A later turn sends other (even invalid) inputs: Dify runs it with the conversation's.
    Api.Reply later =
        api.post(
            "/v1/chat-messages",
            app.key(),
            chatBody("tia", "{\"lang\":\"Dutch\",\"age\":7}", conversation));
    assertThat(later.status()).isEqualTo(200);
    assertThat(systemPrompt(MODEL.requests().getLast()))
        .isEqualTo("Answer in French for someone aged 42.");

    JsonNode messages =
        api.get("/v1/messages?user=tia&conversation_id=" + conversation, app.key())
            .json()
            .get("data");
    assertThat(messages).hasSize(2);
    for (JsonNode message : messages) {
      JsonNode inputs = message.get("inputs");
      assertThat(inputs.get("age").isNumber()).as(inputs.toString()).isTrue();
      assertThat(inputs.get("age").asInt()).isEqualTo(42);
      assertThat(inputs.get("lang").asText()).isEqualTo("French");
      assertThat(inputs.get("notes").asText()).isEqualTo("-");
      assertThat(inputs.has("extra")).isFalse();
    }
    JsonNode conversationInputs =
        api.get("/v1/conversations?user=tia", app.key()).json().at("/data/0/inputs");
    assertThat(conversationInputs.get("age").isIntegralNumber()).isTrue();
    assertThat(conversationInputs.get("age").asInt()).isEqualTo(42);
  }

  @Test
  @DisplayName("a number input given as a number comes back the same number")
  void numberStaysNumber() {
    Api.AppKey app = api.createApp("chat", FORM_APP);
    JsonNode first =
        api.post(
                "/v1/chat-messages",
                app.key(),
                chatBody("num", "{\"name\":\"N\",\"lang\":\"German\",\"age\":2.5}", null))
            .json();
    JsonNode inputs =
        api.get(
                "/v1/messages?user=num&conversation_id=" + first.get("conversation_id").asText(),
                app.key())
            .json()
            .at("/data/0/inputs");
    assertThat(inputs.get("age").isNumber()).isTrue();
    assertThat(inputs.get("age").asDouble()).isEqualTo(2.5);
  }
}
