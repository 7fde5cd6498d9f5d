package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conversation variables over HTTP: declared through the admin API, made with their values when a
 * conversation starts, listed and set by the conversation's owner only, typed as declared.
 */
class ConversationVariablesTest {
  private static final String DECLARED =
      """
      "conversation_variables": [
        {"name": "mood", "value_type": "string", "value": "calm", "description": "how it goes"},
        {"name": "count", "value_type": "number", "value": 1},
        {"name": "prefs", "value_type": "object", "value": {"theme": "dark"}}
      ]""";

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

  /** A new conversation of {@code user}; returns its ID. */
  private static String converse(Api.AppKey app, String user) {
    Api.Reply reply =
        api.post("/v1/chat-messages", app.key(), Api.chat(user, "hi", "blocking", null));
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return reply.json().get("conversation_id").asText();
  }

  private static String variables(String conversation, String query) {
    return "/v1/conversations/" + conversation + "/variables?" + query;
  }

  @Test
  @DisplayName("a new conversation lists the declared variables with Dify's fields, in order")
  void listsDeclaredVariables() {
    Api.AppKey app = api.createApp("chat", DECLARED);
    assertThat(
            api.allApps(TestServers.ADMIN_TOKEN).stream()
                .map(listed -> listed.get("conversation_variables")))
        .anySatisfy(v -> assertThat(v.toString()).contains("\"value_type\":\"object\""));
    String conversation = converse(app, "ana");

    JsonNode page = api.get(variables(conversation, "user=ana"), app.key()).json();
    assertThat(page.get("limit").asInt()).isEqualTo(20);
    assertThat(page.get("has_more").asBoolean()).isFalse();
    JsonNode data = page.get("data");
    assertThat(data.findValuesAsText("name")).containsExactly("mood", "count", "prefs");
    JsonNode mood = data.get(0);
    assertThat(mood.get("value_type").asText()).isEqualTo("string");
    assertThat(mood.get("value").asText()).isEqualTo("calm");
    assertThat(mood.get("description").asText()).isEqualTo("how it goes");
    assertThat(mood.get("created_at").isIntegralNumber()).isTrue();
    assertThat(mood.get("updated_at").isIntegralNumber()).isTrue();
    UUID.fromString(mood.get("id").asText());
    assertThat(data.get(1).get("value").asText()).isEqualTo("1");
    assertThat(data.get(2).get("value").asText()).isEqualTo("{\"theme\":\"dark\"}");

    JsonNode first = api.get(variables(conversation, "user=ana&limit=2"), app.key()).json();
    assertThat(first.get("has_more").asBoolean()).isTrue();
    String last = first.get("data").get(1).get("id").asText();
    JsonNode second =
        api.get(variables(conversation, "user=ana&limit=2&last_id=" + last), app.key()).json();
    assertThat(second.get("data").findValuesAsText("name")).containsExactly("prefs");
    assertThat(
            api.get(variables(conversation, "user=ana&variable_name=OUN"), app.key())
                .json()
                .get("data")
                .findValuesAsText("name"))
        .containsExactly("count");
  }

  @Test
  @DisplayName("a value of the variable's type is saved; another type is Dify's 400 bad_request")
  void updatesKeepTheType() {
    Api.AppKey app = api.createApp("chat", DECLARED);
    String conversation = converse(app, "bo");
    JsonNode data = api.get(variables(conversation, "user=bo"), app.key()).json().get("data");
    String count = data.get(1).get("id").asText();
    String path = "/v1/conversations/" + conversation + "/variables/" + count;

    Api.Reply set = api.put(path, app.key(), "{\"value\": 5, \"user\": \"bo\"}");
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.json().get("name").asText()).isEqualTo("count");
    assertThat(set.json().get("value").asText()).isEqualTo("5");
    assertThat(set.json().get("value_type").asText()).isEqualTo("number");

    Api.Reply wrong = api.put(path, app.key(), "{\"value\": \"five\", \"user\": \"bo\"}");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.code()).isEqualTo("bad_request");
    assertThat(wrong.json().get("message").asText())
        .isEqualTo("Type mismatch: variable 'count' expects number, but got string type");
    Api.Reply wrongObject =
        api.put(
            "/v1/conversations/" + conversation + "/variables/" + data.get(2).get("id").asText(),
            app.key(),
            "{\"value\": [1, 2.5], \"user\": \"bo\"}");
    assertThat(wrongObject.json().get("message").asText())
        .isEqualTo("Type mismatch: variable 'prefs' expects object, but got array[number] type");

    Api.Reply noValue = api.put(path, app.key(), "{\"user\": \"bo\"}");
    assertThat(noValue.status()).isEqualTo(400);
    assertThat(noValue.code()).isEqualTo("invalid_param");

    assertThat(
            api.get(variables(conversation, "user=bo&variable_name=count"), app.key())
                .json()
                .at("/data/0/value")
                .asText())
        .as("the refused updates changed nothing")
        .isEqualTo("5");
  }

  @Test
  @DisplayName("a numeric user is its text, as on every other route (Dify calls str() on it)")
  void numericUser() {
    Api.AppKey app = api.createApp("chat", DECLARED);
    String conversation = converse(app, "42");
    String count =
        api.get(variables(conversation, "user=42"), app.key()).json().at("/data/1/id").asText();

    Api.Reply set =
        api.put(
            "/v1/conversations/" + conversation + "/variables/" + count,
            app.key(),
            "{\"value\": 7, \"user\": 42}");

    assertThat(set.status()).as(set.text()).isEqualTo(200);
    assertThat(set.json().get("value").asText()).isEqualTo("7");
  }

  @Test
  @DisplayName("variables are the owner's: another user, another app or another id is a 404")
  void ownerScoped() {
    Api.AppKey app = api.createApp("chat", DECLARED);
    Api.AppKey otherApp = api.createApp("chat", DECLARED);
    String conversation = converse(app, "cy");
    converse(app, "dee");
    String mood =
        api.get(variables(conversation, "user=cy"), app.key()).json().at("/data/0/id").asText();
    String path = "/v1/conversations/" + conversation + "/variables/" + mood;

    for (Api.Reply reply :
        new Api.Reply[] {
          api.get(variables(conversation, "user=dee"), app.key()),
          api.get(variables(conversation, "user=cy"), otherApp.key()),
          api.put(path, app.key(), "{\"value\": \"x\", \"user\": \"dee\"}"),
          api.put(path, otherApp.key(), "{\"value\": \"x\", \"user\": \"cy\"}"),
        }) {
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.json().get("message").asText())
          .as(reply.raw().request().method() + " " + reply.raw().uri())
          .isEqualTo("Conversation Not Exists.");
    }
    Api.Reply unknown =
        api.put(
            "/v1/conversations/" + conversation + "/variables/" + UUID.randomUUID(),
            app.key(),
            "{\"value\": \"x\", \"user\": \"cy\"}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("not_found");
    assertThat(unknown.json().get("message").asText())
        .isEqualTo("Conversation Variable Not Exists.");
    assertThat(
            api.get(variables(conversation, "user=cy"), app.key())
                .json()
                .at("/data/0/value")
                .asText())
        .isEqualTo("calm");
  }

  @Test
  @DisplayName("bad last_id, bad variable_name and a completion app get Dify's 400s")
  void badRequests() {
    Api.AppKey app = api.createApp("chat", DECLARED);
    String conversation = converse(app, "ed");
    Api.Reply lastId =
        api.get(variables(conversation, "user=ed&last_id=" + UUID.randomUUID()), app.key());
    assertThat(lastId.status()).isEqualTo(400);
    assertThat(lastId.code()).isEqualTo("invalid_param");
    Api.Reply name = api.get(variables(conversation, "user=ed&variable_name=a%27b"), app.key());
    assertThat(name.status()).isEqualTo(400);
    assertThat(name.json().get("message").asText())
        .startsWith("Variable name can only contain letters, numbers");
    for (String length : new String[] {"", "a".repeat(256)}) {
      Api.Reply badLength =
          api.get(variables(conversation, "user=ed&variable_name=" + length), app.key());
      assertThat(badLength.code()).isEqualTo("invalid_param");
      assertThat(badLength.json().get("message").asText())
          .as("Dify's variable_name is 1..255 characters: the message says so, not the charset")
          .isEqualTo("variable_name must be between 1 and 255 characters");
    }
    Api.AppKey completion = api.createApp("completion");
    Api.Reply notChat = api.get(variables(conversation, "user=ed"), completion.key());
    assertThat(notChat.status()).isEqualTo(400);
    assertThat(notChat.code()).isEqualTo("not_chat_app");
  }

  @Test
  @DisplayName("changed declarations apply to new conversations; a started one keeps its variables")
  void declarationsApplyToNewConversations() {
    Api.AppKey app = api.createApp("chat", DECLARED);
    String old = converse(app, "fin");
    Api.Reply patched =
        api.patch(
            "/admin/apps/" + app.id(),
            TestServers.ADMIN_TOKEN,
            "{\"conversation_variables\": [{\"name\": \"flag\", \"value_type\": \"boolean\","
                + " \"value\": true}]}");
    assertThat(patched.status()).isEqualTo(200);
    String fresh = converse(app, "fin");

    assertThat(
            api.get(variables(old, "user=fin"), app.key())
                .json()
                .get("data")
                .findValuesAsText("name"))
        .containsExactly("mood", "count", "prefs");
    JsonNode flag = api.get(variables(fresh, "user=fin"), app.key()).json().get("data");
    assertThat(flag.findValuesAsText("name")).containsExactly("flag");
    assertThat(flag.get(0).get("value").asText()).isEqualTo("true");
    assertThat(flag.get(0).get("value_type").asText()).isEqualTo("boolean");
  }

  @Test
  @DisplayName("a declaration of the wrong type is refused by the admin API")
  void badDeclarationRefused() {
    Api.Reply reply =
        api.post(
            "/admin/apps",
            TestServers.ADMIN_TOKEN,
            "{\"name\":\"bad\",\"mode\":\"chat\",\"conversation_variables\":"
                + "[{\"name\":\"n\",\"value_type\":\"number\",\"value\":\"one\"}]}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("message").asText())
        .isEqualTo("conversation_variables value of n does not fit its value_type");
  }
}
