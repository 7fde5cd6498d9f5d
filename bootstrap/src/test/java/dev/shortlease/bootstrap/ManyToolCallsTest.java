package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.call;
import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static dev.shortlease.application.testing.ScriptedChatModel.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.application.port.out.ToolCall;
import dev.shortlease.application.testing.ScriptedChatModel;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An agent reply with many tool calls, named by the model as it likes: the thought's {@code tool}
 * (their names joined by {@code ;}) is far beyond the 255 characters the column used to hold, and
 * the run must still end normally with the thought saved whole.
 */
@DisplayName("Bounded work: an agent reply with many tool calls is saved whole")
class ManyToolCallsTest {

  @Test
  void manyToolCallsAreSaved() {
    ToolCall[] calls =
        IntStream.range(0, 60)
            .mapToObj(i -> call("c" + i, "lookup_something_rather_specific_number_" + i))
            .toArray(ToolCall[]::new);
    ScriptedChatModel model =
        new ScriptedChatModel().then(toolCalls("Checking everything.", calls), reply("Done."));
    try (ShortleaseServer server = TestServers.scripted(model)) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("agent-chat");

      // Streaming: Dify refuses an agent-chat app in blocking mode.
      Api.Reply answer =
          api.post("/v1/chat-messages", app.key(), Api.chat("many", "Go", "streaming", null));

      assertThat(answer.status()).as(answer.text()).isEqualTo(200);
      JsonNode end = answer.events().getLast();
      assertThat(end.get("event").asText()).as(answer.text()).isEqualTo("message_end");
      JsonNode history =
          api.get(
                  "/v1/messages?user=many&conversation_id=" + end.get("conversation_id").asText(),
                  app.key())
              .json();
      JsonNode message = history.at("/data/0");
      assertThat(message.get("status").asText()).isEqualTo("normal");
      String tool = message.at("/agent_thoughts/0/tool").asText();
      assertThat(tool).hasSizeGreaterThan(255).startsWith("lookup_something_rather_specific");
      assertThat(tool.split(";")).hasSize(60);
    }
  }
}
