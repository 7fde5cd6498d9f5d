package dev.shortlease.application.chat;

import static dev.shortlease.application.testing.ChatTestKit.drain;
import static dev.shortlease.application.testing.ChatTestKit.text;
import static dev.shortlease.application.testing.ScriptedChatModel.call;
import static dev.shortlease.application.testing.ScriptedChatModel.hang;
import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static dev.shortlease.application.testing.ScriptedChatModel.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.shortlease.application.ChatSettings;
import dev.shortlease.application.agent.Tool;
import dev.shortlease.application.agent.ToolInvocation;
import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.ChatEvent.AgentThoughtEvent;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.ToolArguments;
import dev.shortlease.application.port.out.ToolCall;
import dev.shortlease.application.port.out.ToolSpec;
import dev.shortlease.application.testing.ChatTestKit;
import dev.shortlease.domain.AgentThought;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.MessageWithThoughts;
import dev.shortlease.domain.TokenUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The agent loop (agent-chat mode)")
class AgentLoopTest {

  /** A tool that always fails, to show failures become observations. */
  static final class BrokenTool implements Tool {
    @Override
    public String name() {
      return "broken";
    }

    @Override
    public String description() {
      return "always fails";
    }

    @Override
    public Map<String, Object> parameters() {
      return Map.of();
    }

    @Override
    public String call(ToolInvocation invocation) {
      throw new IllegalStateException("out of order");
    }
  }

  private final ChatTestKit kit =
      new ChatTestKit(ChatSettings.defaults().withMaxAgentIterations(3), Set.of(new BrokenTool()));
  private final App app = kit.app(AppMode.AGENT_CHAT);

  @Test
  @DisplayName(
      "each iteration streams as Dify's: empty thought, its text, the thought with its tool, then"
          + " with the observation; the final answer the same way without the observation")
  void toolIterationThenAnswer() throws Exception {
    kit.model.then(
        toolCalls("Let me count. ", call("c1", "conversation_stats")).withUsage(10, 2),
        reply("You have ", "1 conversation.").withUsage(20, 5));

    ChatRun run = kit.chat(app, "alice", "How many chats do I have?", null);
    List<ChatEvent> events = drain(run);

    assertThat(events.stream().map(e -> e.getClass().getSimpleName()))
        .containsExactly(
            "AgentThoughtEvent",
            "TextChunk",
            "AgentThoughtEvent",
            "AgentThoughtEvent",
            "AgentThoughtEvent",
            "TextChunk",
            "TextChunk",
            "AgentThoughtEvent",
            "MessageEnd");
    AgentThoughtEvent announced = (AgentThoughtEvent) events.get(0);
    AgentThoughtEvent chosen = (AgentThoughtEvent) events.get(2);
    AgentThoughtEvent observed = (AgentThoughtEvent) events.get(3);
    assertThat(List.of(announced.id(), chosen.id())).containsOnly(observed.id());
    assertThat(announced.position()).isEqualTo(1);
    assertThat(announced.thought()).isEmpty();
    assertThat(announced.tool()).isEmpty();
    assertThat(chosen.thought()).isEqualTo("Let me count. ");
    assertThat(chosen.tool()).isEqualTo("conversation_stats");
    assertThat(chosen.observation()).isEmpty();
    assertThat(observed.thought()).isEqualTo("Let me count. ");
    assertThat(observed.observation())
        .containsExactly(
            entry("conversation_stats", "{\"conversations\":1,\"messages\":1,\"total_tokens\":0}"));
    AgentThoughtEvent answerAnnounced = (AgentThoughtEvent) events.get(4);
    AgentThoughtEvent answer = (AgentThoughtEvent) events.get(7);
    assertThat(answerAnnounced.id()).isEqualTo(answer.id()).isNotEqualTo(observed.id());
    assertThat(answerAnnounced.position()).isEqualTo(2);
    assertThat(answerAnnounced.thought()).isEmpty();
    assertThat(answer.thought()).isEqualTo("You have 1 conversation.");
    assertThat(answer.tool()).isEmpty();
    assertThat(((ChatEvent.MessageEnd) events.getLast()).usage()).isEqualTo(new TokenUsage(30, 7));

    ModelMessage.ToolResult fedBack =
        (ModelMessage.ToolResult) kit.model.requests().get(1).messages().getLast();
    assertThat(fedBack.toolCallId()).isEqualTo("c1");
    assertThat(fedBack.text()).contains("\"conversations\":1");
    assertThat(kit.model.requests().getFirst().tools())
        .extracting(ToolSpec::name)
        .containsExactly("broken", "conversation_stats", "current_time");

    kit.awaitIdle();
    MessageWithThoughts saved =
        kit.store
            .listMessages(kit.owner(app.id(), "alice"), run.conversationId(), null, 10)
            .items()
            .getFirst();
    assertThat(saved.message().answer()).isEqualTo("Let me count. You have 1 conversation.");
    assertThat(saved.message().status()).isEqualTo(MessageStatus.NORMAL);
    assertThat(saved.thoughts())
        .extracting(AgentThought::position, AgentThought::tool)
        .containsExactly(tuple(1, "conversation_stats"), tuple(2, ""));
    assertThat(saved.thoughts().getFirst().observation().get("conversation_stats"))
        .contains("conversations");
    assertThat(saved.thoughts().getFirst().toolInput().byTool())
        .isEqualTo(Map.of("conversation_stats", Map.of()));
  }

  @Test
  @DisplayName("several tool calls in one iteration share one thought; a failing tool is observed")
  void severalCallsAndAFailingTool() throws Exception {
    kit.model.then(
        toolCalls(
            "",
            call("a", "current_time", Map.of("timezone", "UTC")),
            call("b", "broken"),
            new ToolCall("c", "current_time", ToolArguments.unreadable("{timezone: Mars}"))),
        reply("Done."));

    ChatRun run = kit.chat(app, "alice", "time?", null);
    List<ChatEvent> events = drain(run);

    AgentThoughtEvent observed = (AgentThoughtEvent) events.get(2);
    assertThat(observed.tool()).isEqualTo("current_time;broken;current_time");
    // one entry per tool name, the later call of a tool replacing the earlier (as in Dify's dict)
    assertThat(observed.toolInput().byTool())
        .containsExactly(entry("current_time", "{timezone: Mars}"), entry("broken", Map.of()));
    assertThat(observed.observation())
        .as("the exception's text stays in the log")
        .containsEntry("broken", "error: the tool broken failed");
    assertThat(kit.model.requests().get(1).messages())
        .filteredOn(m -> m instanceof ModelMessage.ToolResult)
        .hasSize(3);
    assertThat(((ChatEvent.MessageEnd) events.getLast()).status()).isEqualTo(MessageStatus.NORMAL);
  }

  @Test
  @DisplayName("at the iteration limit the run ends normal with the text so far and a short note")
  void maxIterationsEndsNormalWithNote() throws Exception {
    kit.model.otherwise(toolCalls("again. ", call("x", "current_time")));

    ChatRun run = kit.chat(app, "alice", "loop forever", null);
    List<ChatEvent> events = drain(run);

    assertThat(kit.model.requests()).hasSize(3);
    assertThat(events).filteredOn(e -> e instanceof AgentThoughtEvent).hasSize(9);
    String expected = "again. again. again. " + AgentLoop.MAX_ITERATIONS_NOTE.formatted(3);
    assertThat(text(events)).isEqualTo(expected);
    assertThat(((ChatEvent.MessageEnd) events.getLast()).status()).isEqualTo(MessageStatus.NORMAL);
    kit.awaitIdle();
    Message saved = kit.message(app.id(), "alice", run.messageId());
    assertThat(saved.answer()).isEqualTo(expected);
    assertThat(saved.status()).isEqualTo(MessageStatus.NORMAL);
  }

  @Test
  @DisplayName("a stop during a later iteration ends as stopped with every thought kept")
  void stopDuringAgent() throws Exception {
    kit.model.then(toolCalls("first. ", call("x", "current_time")), hang("second"));
    ChatRun run = kit.chat(app, "alice", "q", null);
    assertThat(kit.model.awaitCalls(2, ChatTestKit.WAIT)).isTrue();

    kit.stopper.stop(app.id(), "alice", run.taskId());
    List<ChatEvent> events = drain(run);

    assertThat(((ChatEvent.MessageEnd) events.getLast()).status()).isEqualTo(MessageStatus.STOPPED);
    kit.awaitIdle();
    MessageWithThoughts saved =
        kit.store
            .listMessages(kit.owner(app.id(), "alice"), run.conversationId(), null, 10)
            .items()
            .getFirst();
    assertThat(saved.message().answer()).isEqualTo("first. second");
    assertThat(saved.message().status()).isEqualTo(MessageStatus.STOPPED);
    assertThat(saved.thoughts()).extracting(AgentThought::position).containsExactly(1, 2);
  }
}
