package dev.shortlease.adapter.llm.simulated;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;

/** Simulated provider: the reply planned for one request, streamed token by token. */
record SimulatedReply(
    List<String> tokens,
    List<ToolExecutionRequest> toolCalls,
    int inputTokens,
    FinishReason finishReason,
    String modelName) {

  SimulatedReply {
    tokens = List.copyOf(tokens);
    toolCalls = List.copyOf(toolCalls);
  }

  String text() {
    return String.join("", tokens);
  }

  ChatResponse toChatResponse() {
    String text = text();
    AiMessage message =
        AiMessage.builder()
            .text(text.isEmpty() ? null : text)
            .toolExecutionRequests(toolCalls)
            .build();
    return ChatResponse.builder()
        .aiMessage(message)
        .modelName(modelName)
        .tokenUsage(new TokenUsage(inputTokens, tokens.size()))
        .finishReason(finishReason)
        .build();
  }
}
