package dev.shortlease.adapter.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.shortlease.application.port.out.FinishReason;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.application.port.out.TokenSink;
import dev.shortlease.application.port.out.ToolCall;
import dev.shortlease.domain.TokenUsage;
import java.util.ArrayList;
import java.util.List;

/** LLM adapter internals: maps LangChain4j's final response to our {@link ModelReply}. */
final class ReplyMapper {
  private ReplyMapper() {}

  /**
   * @param streamed the text already forwarded; when the provider streamed nothing but its final
   *     message has text, that text is forwarded now so the sink always sees the whole answer
   */
  static ModelReply toModelReply(
      ChatResponse response, String streamed, TokenSink sink, StopSignal stop) {
    AiMessage message = response.aiMessage();
    String text = streamed;
    String finalText = message == null ? null : message.text();
    if (text.isEmpty() && finalText != null && !finalText.isEmpty() && !stop.isRequested()) {
      sink.accept(finalText);
      text = finalText;
    }
    List<ToolCall> toolCalls = toolCalls(message);
    return new ModelReply(
        text, toolCalls, usage(response.tokenUsage()), finishReason(response, toolCalls));
  }

  static List<ToolCall> toolCalls(AiMessage message) {
    if (message == null || !message.hasToolExecutionRequests()) {
      return List.of();
    }
    List<ToolCall> calls = new ArrayList<>();
    List<ToolExecutionRequest> requests = message.toolExecutionRequests();
    for (int i = 0; i < requests.size(); i++) {
      ToolExecutionRequest request = requests.get(i);
      // Ollama sends no call IDs; the ID only has to pair a call with its result in this turn.
      String id = request.id() == null || request.id().isBlank() ? "call_" + i : request.id();
      calls.add(new ToolCall(id, request.name(), ToolArgumentsJson.parse(request.arguments())));
    }
    return calls;
  }

  static TokenUsage usage(dev.langchain4j.model.output.TokenUsage usage) {
    if (usage == null) {
      return TokenUsage.NONE;
    }
    return new TokenUsage(orZero(usage.inputTokenCount()), orZero(usage.outputTokenCount()));
  }

  private static FinishReason finishReason(ChatResponse response, List<ToolCall> toolCalls) {
    if (!toolCalls.isEmpty()) {
      return FinishReason.TOOL_CALLS;
    }
    dev.langchain4j.model.output.FinishReason reason = response.finishReason();
    if (reason == null) {
      return FinishReason.STOP;
    }
    return switch (reason) {
      case LENGTH -> FinishReason.LENGTH;
      case TOOL_EXECUTION -> FinishReason.TOOL_CALLS;
      default -> FinishReason.STOP;
    };
  }

  private static int orZero(Integer count) {
    return count == null ? 0 : Math.max(0, count);
  }
}
