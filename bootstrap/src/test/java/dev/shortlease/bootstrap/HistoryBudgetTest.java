package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.testing.ScriptedChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The history budget over HTTP, with a model whose context holds 20,000 characters and turns of
 * 6,000 (a 3,000-character query and answer): without a budget the fourth turn would already be too
 * large, and every turn after it too.
 */
@DisplayName("Bounded work: the history budget (HISTORY_BUDGET_CHARS)")
class HistoryBudgetTest {
  private static final int CONTEXT_CHARS = 20_000;
  private static final String QUERY = "q".repeat(3_000);
  private static final String ANSWER = "a".repeat(3_000);

  /** A model that refuses prompts over its context, as providers do, and answers 3,000 chars. */
  private static ScriptedChatModel smallContextModel() {
    return new ScriptedChatModel()
        .otherwise(reply(ANSWER))
        .onEachCall(
            request -> {
              int chars = size(request);
              if (chars > CONTEXT_CHARS) {
                throw new ModelException(
                    ModelErrorKind.REQUEST_FAILED,
                    "context_length_exceeded: %d characters".formatted(chars));
              }
            });
  }

  private static int size(ModelRequest request) {
    int chars = 0;
    for (ModelMessage m : request.messages()) {
      chars +=
          switch (m) {
            case ModelMessage.System s -> s.text().length();
            case ModelMessage.User u -> u.text().length();
            case ModelMessage.Assistant a -> a.text().length();
            case ModelMessage.ToolResult r -> r.text().length();
          };
    }
    return chars;
  }

  /** Seven turns of one conversation; the status of each. */
  private static List<Integer> sevenTurns(Map<String, String> overrides, ScriptedChatModel model) {
    Map<String, String> env = TestServers.env();
    env.putAll(overrides);
    try (ShortleaseServer server =
        ShortleaseServer.start(
            Settings.fromEnvironment(env),
            binder ->
                binder.bind(ChatModelPort.class).annotatedWith(RawModel.class).toInstance(model))) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("chat");
      List<Integer> statuses = new ArrayList<>();
      String conversation = null;
      for (int turn = 1; turn <= 7; turn++) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.putObject("inputs");
        body.put("query", QUERY).put("user", "long").put("response_mode", "blocking");
        body.put("auto_generate_name", false);
        if (conversation != null) {
          body.put("conversation_id", conversation);
        }
        Api.Reply reply = api.post("/v1/chat-messages", app.key(), body.toString());
        statuses.add(reply.status());
        if (conversation == null) {
          conversation = reply.json().get("conversation_id").asText();
        }
      }
      return statuses;
    }
  }

  @Test
  @DisplayName("with the default budget, turn 7 of a conversation of large turns succeeds")
  void turnSevenSucceeds() {
    ScriptedChatModel model = smallContextModel();

    List<Integer> statuses = sevenTurns(Map.of(), model);

    assertThat(statuses).containsOnly(200);
    ModelRequest seventh = model.requests().getLast();
    // 16,000 characters hold two 6,000-character turns: the oldest four are dropped.
    assertThat(seventh.messages()).hasSize(5);
    assertThat(size(seventh)).isLessThanOrEqualTo(16_000 + QUERY.length());
  }

  @Test
  @DisplayName("without a budget, every turn from the fourth fails and the window never moves on")
  void withoutBudgetTurnsFailForGood() {
    List<Integer> statuses =
        sevenTurns(Map.of("HISTORY_BUDGET_CHARS", "10000000"), smallContextModel());

    assertThat(statuses.subList(0, 3)).containsOnly(200);
    assertThat(statuses.subList(3, 7)).doesNotContain(200);
  }
}
