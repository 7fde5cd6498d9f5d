package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.call;
import static dev.shortlease.application.testing.ScriptedChatModel.fail;
import static dev.shortlease.application.testing.ScriptedChatModel.hang;
import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static dev.shortlease.application.testing.ScriptedChatModel.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.testing.ScriptedChatModel;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Service API over real HTTP, with H2 and a scripted model behind the long-call guard. */
class ChatApiTest {
  private static final ScriptedChatModel MODEL = new ScriptedChatModel();
  private static ShortleaseServer server;
  private static Api api;

  @BeforeAll
  static void start() {
    server = TestServers.scripted(MODEL);
    api = new Api(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("blocking chat answers in Dify's shape and a second turn continues the conversation")
  void blockingChatAndHistory() {
    Api.AppKey app = api.createApp("chat");
    MODEL.then(reply("Hello", " Alice").withUsage(7, 2), reply("Again"));

    JsonNode first =
        api.post("/v1/chat-messages", app.key(), Api.chat("alice", "Hi", "blocking", null)).json();
    assertThat(first.get("event").asText()).isEqualTo("message");
    assertThat(first.get("mode").asText()).isEqualTo("chat");
    assertThat(first.get("answer").asText()).isEqualTo("Hello Alice");
    assertThat(first.get("id").asText()).isEqualTo(first.get("message_id").asText());
    assertThat(first.get("created_at").isIntegralNumber()).isTrue();
    assertThat(first.at("/metadata/usage/total_tokens").asInt()).isEqualTo(9);
    String conversation = first.get("conversation_id").asText();

    Api.Reply second =
        api.post(
            "/v1/chat-messages", app.key(), Api.chat("alice", "More", "blocking", conversation));
    assertThat(second.json().get("conversation_id").asText()).isEqualTo(conversation);

    JsonNode history =
        api.get("/v1/messages?user=alice&conversation_id=" + conversation, app.key()).json();
    assertThat(history.get("limit").asInt()).isEqualTo(20);
    assertThat(history.get("has_more").asBoolean()).isFalse();
    assertThat(history.get("data")).hasSize(2);
    assertThat(history.get("data").findValuesAsText("answer")).contains("Hello Alice", "Again");
    assertThat(history.get("data").get(0).get("status").asText()).isEqualTo("normal");

    JsonNode conversations = api.get("/v1/conversations?user=alice", app.key()).json();
    assertThat(conversations.get("data").findValuesAsText("id")).containsExactly(conversation);
  }

  @Test
  @DisplayName("streaming chat sends message events then message_end, as SSE")
  void streamingChat() {
    Api.AppKey app = api.createApp("chat");
    MODEL.then(reply("A", "B", "C"));

    Api.Reply reply =
        api.post("/v1/chat-messages", app.key(), Api.chat("bob", "Hi", "streaming", null));

    assertThat(reply.raw().headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    List<JsonNode> events = reply.events();
    assertThat(events)
        .extracting(e -> e.get("event").asText())
        .containsExactly("message", "message", "message", "message_end");
    assertThat(events).extracting(e -> e.path("answer").asText()).startsWith("A", "B", "C");
    JsonNode end = events.get(3);
    assertThat(end.get("task_id").asText()).isEqualTo(events.get(0).get("task_id").asText());
    assertThat(end.get("conversation_id").asText()).isNotBlank();
    assertThat(end.at("/metadata/usage/latency").isNumber()).isTrue();
  }

  @Test
  @DisplayName(
      "an agent app streams in Dify's order: each round's empty thought, its text, the thought with"
          + " tool and input, then with the observation; Dify's web chat shows each text once")
  void agentStreaming() {
    Api.AppKey app = api.createApp("agent-chat");
    MODEL.then(
        toolCalls("Let me check.", call("c1", "current_time", Map.of("timezone", "Asia/Tokyo"))),
        reply("It is ", "now."));

    List<JsonNode> events =
        api.post("/v1/chat-messages", app.key(), Api.chat("carol", "Time?", "streaming", null))
            .events();

    assertThat(events.stream().map(ChatApiTest::describe))
        .containsExactly(
            "agent_thought 1 '' ''",
            "agent_message 'Let me check.'",
            "agent_thought 1 'Let me check.' 'current_time'",
            "agent_thought 1 'Let me check.' 'current_time' observed",
            "agent_thought 2 '' ''",
            "agent_message 'It is '",
            "agent_message 'now.'",
            "agent_thought 2 'It is now.' ''",
            "message_end");
    JsonNode chosen = events.get(2);
    JsonNode observed = events.get(3);
    assertThat(List.of(events.get(0).get("id"), chosen.get("id"))).containsOnly(observed.get("id"));
    assertThat(events.get(4).get("id")).isNotEqualTo(observed.get("id"));
    assertThat(chosen.get("tool_input").asText())
        .isEqualTo("{\"current_time\": {\"timezone\": \"Asia/Tokyo\"}}");
    assertThat(chosen.get("observation").asText()).isEmpty();
    assertThat(chosen.at("/tool_labels/current_time/en_US").asText()).isEqualTo("current_time");
    assertThat(events.get(0).get("tool_labels").isEmpty()).isTrue();
    assertThat(observed.get("observation").asText())
        .startsWith("{\"current_time\": \"")
        .contains("+09:00");
    assertThat(WebChatThoughts.render(events))
        .as("Dify's web chat (hooks.ts: text appended to the last thought) shows each text once")
        .containsExactly("Let me check.", "It is now.");

    String conversation = events.getLast().get("conversation_id").asText();
    JsonNode saved = onlyMessage(app, "carol", conversation).get("agent_thoughts");
    assertThat(saved).hasSize(2);
    assertThat(saved.get(0).get("tool_input").asText())
        .as("stored and read back, the same text as streamed")
        .isEqualTo(chosen.get("tool_input").asText());
    assertThat(saved.get(0).get("observation").asText())
        .isEqualTo(observed.get("observation").asText());
    assertThat(saved.get(1).get("thought").asText()).isEqualTo("It is now.");
    assertThat(saved.get(0).at("/tool_labels/current_time/en_US").asText())
        .as("history fills tool_labels as the stream does")
        .isEqualTo("current_time");
    assertThat(saved.get(1).get("tool_labels").isEmpty()).isTrue();
  }

  @Test
  @DisplayName(
      "an agent answer without tools is one thought: announced empty, its text, then whole")
  void agentWithoutTools() {
    Api.AppKey app = api.createApp("agent-chat");
    MODEL.then(reply("Hello", " there"));

    List<JsonNode> events =
        api.post("/v1/chat-messages", app.key(), Api.chat("cid", "Hi", "streaming", null)).events();

    assertThat(events.stream().map(ChatApiTest::describe))
        .containsExactly(
            "agent_thought 1 '' ''",
            "agent_message 'Hello'",
            "agent_message ' there'",
            "agent_thought 1 'Hello there' ''",
            "message_end");
    assertThat(WebChatThoughts.render(events)).containsExactly("Hello there");
  }

  /** One event in a line: its name, and for thoughts position, thought, tool, observed or not. */
  private static String describe(JsonNode e) {
    String name = e.get("event").asText();
    return switch (name) {
      case "agent_thought" ->
          "agent_thought %d '%s' '%s'%s"
              .formatted(
                  e.get("position").asInt(),
                  e.get("thought").asText(),
                  e.get("tool").asText(),
                  e.get("observation").asText().isEmpty() ? "" : " observed");
      case "agent_message" -> "agent_message '" + e.get("answer").asText() + "'";
      default -> name;
    };
  }

  @Test
  @DisplayName(
      "a completion app answers from inputs.query, blocking and streaming, without a conversation")
  void completion() {
    Api.AppKey app = api.createApp("completion");
    MODEL.then(reply("Hola"), reply("Ho", "la"));
    String body =
        "{\"inputs\":{\"query\":\"Translate hello\"},\"response_mode\":\"%s\",\"user\":\"dan\"}";

    JsonNode blocking =
        api.post("/v1/completion-messages", app.key(), body.formatted("blocking")).json();
    assertThat(blocking.get("answer").asText()).isEqualTo("Hola");
    assertThat(blocking.get("mode").asText()).isEqualTo("completion");
    assertThat(blocking.has("conversation_id")).isFalse();

    List<JsonNode> events =
        api.post("/v1/completion-messages", app.key(), body.formatted("streaming")).events();
    assertThat(events)
        .extracting(e -> e.get("event").asText())
        .containsExactly("message", "message", "message_end");
    assertThat(events.get(0).has("conversation_id")).isFalse();
  }

  @Test
  @DisplayName("stop ends a running stream and the partial answer is saved as stopped")
  void stopSavesPartialAnswer() throws Exception {
    Api.AppKey app = api.createApp("chat");
    MODEL.then(hang("partial "));
    try (InputStream stream =
        api.stream("/v1/chat-messages", app.key(), Api.chat("erin", "Go", "streaming", null))) {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
      JsonNode first = Api.firstEvent(reader);
      String task = first.get("task_id").asText();

      Api.Reply stopped =
          api.post("/v1/chat-messages/" + task + "/stop", app.key(), "{\"user\":\"erin\"}");
      assertThat(stopped.json().get("result").asText()).isEqualTo("success");

      String rest = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(rest).contains("\"event\":\"message_end\"");
      JsonNode saved = onlyMessage(app, "erin", first.get("conversation_id").asText());
      assertThat(saved.get("generation_status").asText()).isEqualTo("stopped");
      assertThat(saved.get("answer").asText()).isEqualTo("partial ");
    }
  }

  @Test
  @DisplayName("a client that disconnects mid-stream stops the run, which is saved as stopped")
  void disconnectSavesPartialAnswer() throws Exception {
    Api.AppKey app = api.createApp("chat");
    MODEL.then(hang("half "));
    String conversation;
    try (InputStream stream =
        api.stream("/v1/chat-messages", app.key(), Api.chat("fay", "Go", "streaming", null))) {
      JsonNode first =
          Api.firstEvent(new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)));
      conversation = first.get("conversation_id").asText();
    } // closing the body closes the connection

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    JsonNode saved = onlyMessage(app, "fay", conversation);
    while (saved.get("generation_status").asText().equals("running")
        && System.nanoTime() < deadline) {
      Thread.sleep(50); // the next ping (100 ms) finds the connection gone
      saved = onlyMessage(app, "fay", conversation);
    }
    assertThat(saved.get("generation_status").asText()).isEqualTo("stopped");
    assertThat(saved.get("answer").asText()).isEqualTo("half ");
  }

  @Test
  @DisplayName("a blocking client that hangs up stops the run, which is saved as stopped")
  void blockingDisconnectSavesPartialAnswer() throws Exception {
    Api.AppKey app = api.createApp("chat");
    MODEL.then(hang("held "));
    byte[] body = Api.chat("hal", "Go", "blocking", null).getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /v1/chat-messages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Authorization: Bearer "
                  + app.key()
                  + "\r\n"
                  + "Content-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      Thread.sleep(700); // the run has started and streamed its first text
    } // the client hangs up before any answer

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    JsonNode saved = onlyConversationsMessage(app, "hal");
    while (saved.get("generation_status").asText().equals("running")
        && System.nanoTime() < deadline) {
      Thread.sleep(50); // the handler looks for its client every 500 ms
      saved = onlyConversationsMessage(app, "hal");
    }
    assertThat(saved.get("generation_status").asText()).isEqualTo("stopped");
    assertThat(saved.get("answer").asText()).isEqualTo("held ");
  }

  @Test
  @DisplayName(
      "a model failure is Dify's error: an HTTP error when blocking, an error event when streaming")
  void modelFailures() {
    Api.AppKey app = api.createApp("chat");
    MODEL.then(
        fail(ModelErrorKind.QUOTA_EXCEEDED, "quota gone"),
        fail(ModelErrorKind.RATE_LIMITED, "slow down", "so far "));

    Api.Reply blocking =
        api.post("/v1/chat-messages", app.key(), Api.chat("gus", "Hi", "blocking", null));
    assertThat(blocking.status()).isEqualTo(400);
    assertThat(blocking.code()).isEqualTo("provider_quota_exceeded");

    List<JsonNode> events =
        api.post("/v1/chat-messages", app.key(), Api.chat("gus", "Hi", "streaming", null)).events();
    JsonNode error = events.getLast();
    assertThat(error.get("event").asText()).isEqualTo("error");
    assertThat(error.get("status").asInt())
        .as("a provider's rate limit is Dify's InvokeError: 400, which the clients treat as error")
        .isEqualTo(400);
    assertThat(error.get("code").asText()).isEqualTo("completion_request_error");
    assertThat(error.get("message").asText()).isEqualTo("Completion request failed.");
    JsonNode saved = onlyMessage(app, "gus", error.get("conversation_id").asText());
    assertThat(saved.get("status").asText()).isEqualTo("error");
    assertThat(saved.get("answer").asText()).isEqualTo("so far ");
  }

  @Test
  @DisplayName("feedback, suggested questions, rename and delete work on the user's own data")
  void conversationAndMessageEndpoints() {
    Api.AppKey app = api.createApp("chat");
    MODEL.then(reply("Answer"), reply("One?\nTwo?\nThree?"));
    JsonNode answer =
        api.post("/v1/chat-messages", app.key(), Api.chat("hal", "Q", "blocking", null)).json();
    String message = answer.get("message_id").asText();
    String conversation = answer.get("conversation_id").asText();

    Api.Reply liked =
        api.post(
            "/v1/messages/" + message + "/feedbacks",
            app.key(),
            "{\"rating\":\"like\",\"user\":\"hal\",\"content\":\"good\"}");
    assertThat(liked.json().get("result").asText()).isEqualTo("success");
    assertThat(onlyMessage(app, "hal", conversation).at("/feedback/rating").asText())
        .isEqualTo("like");

    JsonNode suggested =
        api.get("/v1/messages/" + message + "/suggested?user=hal", app.key()).json();
    assertThat(suggested.get("result").asText()).isEqualTo("success");
    assertThat(suggested.get("data")).hasSize(3);

    JsonNode renamed =
        api.post(
                "/v1/conversations/" + conversation + "/name",
                app.key(),
                "{\"name\":\"My chat\",\"user\":\"hal\"}")
            .json();
    assertThat(renamed.get("name").asText()).isEqualTo("My chat");
    assertThat(renamed.get("id").asText()).isEqualTo(conversation);
    assertThat(renamed.get("updated_at").isIntegralNumber()).isTrue();

    Api.Reply deleted =
        api.delete("/v1/conversations/" + conversation, app.key(), "{\"user\":\"hal\"}");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get("/v1/messages?user=hal&conversation_id=" + conversation, app.key()).status())
        .isEqualTo(404);
  }

  @Test
  @DisplayName(
      "an empty limit is the default 20 (the SDK sends it), and a DELETE without user is"
          + " DEFAULT-USER's: another user's conversation is not found and stays")
  void emptyLimitAndDeleteWithoutUser() {
    Api.AppKey app = api.createApp("chat");
    MODEL.then(reply("one"), reply("two"));
    String hals =
        api.post("/v1/chat-messages", app.key(), Api.chat("hal", "Hi", "blocking", null))
            .json()
            .get("conversation_id")
            .asText();
    String defaults =
        api.post("/v1/chat-messages", app.key(), Api.chat("DEFAULT-USER", "Hi", "blocking", null))
            .json()
            .get("conversation_id")
            .asText();

    for (String list :
        List.of(
            "/v1/conversations?user=hal&limit=",
            "/v1/messages?user=hal&conversation_id=" + hals + "&limit=")) {
      Api.Reply listed = api.get(list, app.key());
      assertThat(listed.status()).as(list).isEqualTo(200);
      assertThat(listed.json().get("limit").asInt()).as(list).isEqualTo(20);
      assertThat(listed.json().get("data")).as(list).hasSize(1);
    }

    Api.Reply foreign = api.delete("/v1/conversations/" + hals, app.key(), "{}");
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.json().get("code").asText()).isEqualTo("not_found");
    assertThat(foreign.json().get("message").asText()).isEqualTo("Conversation Not Exists.");
    assertThat(api.get("/v1/conversations?user=hal", app.key()).json().get("data")).hasSize(1);
    assertThat(api.delete("/v1/conversations/" + defaults, app.key(), "{}").status())
        .isEqualTo(204);
    assertThat(api.get("/v1/conversations", app.key()).json().get("data")).isEmpty();
  }

  @Test
  @DisplayName("parameters, info and meta describe the app")
  void appDescription() {
    Api.AppKey app = api.createApp("chat");
    JsonNode parameters = api.get("/v1/parameters", app.key()).json();
    assertThat(parameters.has("opening_statement")).isTrue();
    assertThat(parameters.at("/suggested_questions_after_answer/enabled").asBoolean()).isTrue();
    assertThat(parameters.get("user_input_form").isArray()).isTrue();
    JsonNode info = api.get("/v1/info", app.key()).json();
    assertThat(info.get("name").asText()).isEqualTo("test chat");
    assertThat(info.get("mode").asText()).isEqualTo("chat");
    assertThat(api.get("/v1/meta", app.key()).json().get("tool_icons").isEmpty())
        .as("a chat app calls no tools")
        .isTrue();
  }

  @Test
  @DisplayName("meta gives an agent app's tool icons in Dify's emoji-on-colour form")
  void agentToolIcons() {
    Api.AppKey agent = api.createApp("agent-chat");

    JsonNode icons = api.get("/v1/meta", agent.key()).json().get("tool_icons");

    assertThat(icons.fieldNames())
        .toIterable()
        .containsExactly("conversation_stats", "current_time");
    assertThat(icons.at("/current_time/background").asText()).startsWith("#");
    assertThat(icons.at("/current_time/content").asText()).isNotBlank();
  }

  private static JsonNode onlyConversationsMessage(Api.AppKey app, String user) {
    JsonNode conversations = api.get("/v1/conversations?user=" + user, app.key()).json();
    assertThat(conversations.get("data")).as(conversations.toString()).hasSize(1);
    return onlyMessage(app, user, conversations.at("/data/0/id").asText());
  }

  private static JsonNode onlyMessage(Api.AppKey app, String user, String conversation) {
    JsonNode history =
        api.get("/v1/messages?user=" + user + "&conversation_id=" + conversation, app.key()).json();
    assertThat(history.get("data")).as(history.toString()).hasSize(1);
    return history.get("data").get(0);
  }
}
