package dev.shortlease.adapter.llm.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.shortlease.adapter.llm.LangChain4jChatModel;
import dev.shortlease.application.port.out.FinishReason;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.application.port.out.ToolArguments;
import dev.shortlease.application.port.out.ToolCall;
import dev.shortlease.application.port.out.ToolSpec;
import dev.shortlease.domain.ModelSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Simulated model: scripted tool calls so agent mode works offline")
class SimulatedToolCallsTest {
  static final Map<String, Object> PERIOD_SCHEMA = periodSchema();
  static final ToolSpec STATS = new ToolSpec("get_stats", "Pool statistics", PERIOD_SCHEMA);
  static final ToolSpec TIME = new ToolSpec("current_time", "The time", Map.of("type", "object"));
  static final List<ToolSpec> TOOLS = List.of(STATS, TIME);

  /** Properties in a fixed order: the simulated model fills arguments in schema order. */
  private static Map<String, Object> periodSchema() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("period", Map.of("type", "string"));
    properties.put("limit", Map.of("type", "integer"));
    return Map.of(
        "type", "object", "properties", properties, "required", List.of("period", "limit"));
  }

  final LangChain4jChatModel port =
      new LangChain4jChatModel(
          new SimulatedStreamingChatModel(Duration.ZERO, 1000, 8),
          "simulated",
          "simulated",
          Duration.ofSeconds(5));

  ModelReply chat(List<ModelMessage> messages) {
    return port.chat(
        new ModelRequest(ModelSettings.DEFAULT, messages, TOOLS), t -> {}, StopSignal.never());
  }

  @Test
  @DisplayName("calls the tool the user names, filling required parameters from the user's text")
  void callsTheNamedTool() {
    ModelReply reply = chat(List.of(new ModelMessage.User("please run get_stats")));

    assertThat(reply.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    ToolCall call = reply.toolCalls().get(0);
    assertThat(call.name()).isEqualTo("get_stats");
    assertThat(call.arguments().values())
        .containsExactly(entry("period", "please run get_stats"), entry("limit", 1));
    assertThat(call.id()).isEqualTo("call_0_get_stats");
    assertThat(reply.text()).isEqualTo("I will use get_stats.");
  }

  @Test
  @DisplayName("a trigger word from a tool's name picks that tool ('time' -> current_time)")
  void triggerWordPicksTheTool() {
    ModelReply reply = chat(List.of(new ModelMessage.User("What time is it?")));

    assertThat(reply.toolCalls()).extracting(ToolCall::name).containsExactly("current_time");
  }

  @Test
  @DisplayName("the word 'tool' alone picks the first tool offered")
  void theWordToolPicksTheFirstTool() {
    ModelReply reply = chat(List.of(new ModelMessage.User("Use a tool, please")));

    assertThat(reply.toolCalls()).extracting(ToolCall::name).containsExactly("get_stats");
  }

  @Test
  @DisplayName("with no matching tool it answers in plain text")
  void noMatchAnswersInText() {
    ModelReply reply = chat(List.of(new ModelMessage.User("Hello there")));

    assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(reply.toolCalls()).isEmpty();
    assertThat(reply.usage().completionTokens()).isEqualTo(8);
  }

  @Test
  @DisplayName("after the tool's result it answers from the observation instead of calling again")
  void answersFromTheObservation() {
    ToolCall call = new ToolCall("call_0_get_stats", "get_stats", ToolArguments.NONE);
    ModelReply reply =
        chat(
            List.of(
                new ModelMessage.User("please run get_stats"),
                new ModelMessage.Assistant("", List.of(call)),
                new ModelMessage.ToolResult(call.id(), "get_stats", "active=3 idle=7")));

    assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(reply.toolCalls()).isEmpty();
    assertThat(reply.text()).isEqualTo("Based on get_stats: active=3 idle=7");
  }
}
