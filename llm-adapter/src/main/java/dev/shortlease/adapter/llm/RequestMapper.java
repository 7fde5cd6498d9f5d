package dev.shortlease.adapter.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.shortlease.application.port.out.ModelImage;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.ToolCall;
import dev.shortlease.application.port.out.ToolSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * LLM adapter internals: maps our provider-neutral request to a LangChain4j {@link ChatRequest}.
 */
final class RequestMapper {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RequestMapper() {}

  static ChatRequest toChatRequest(ModelRequest request, String modelName) {
    ChatRequest.Builder builder =
        ChatRequest.builder()
            .messages(request.messages().stream().map(RequestMapper::toChatMessage).toList())
            .modelName(modelName)
            .temperature(request.settings().temperature())
            .maxOutputTokens(request.settings().maxTokens());
    if (!request.tools().isEmpty()) {
      builder.toolSpecifications(request.tools().stream().map(RequestMapper::toSpec).toList());
    }
    return builder.build();
  }

  static ChatMessage toChatMessage(ModelMessage message) {
    return switch (message) {
      case ModelMessage.System system -> SystemMessage.from(system.text());
      case ModelMessage.User user -> userMessage(user);
      case ModelMessage.Assistant assistant ->
          AiMessage.builder()
              .text(assistant.text().isEmpty() ? null : assistant.text())
              .toolExecutionRequests(
                  assistant.toolCalls().stream().map(RequestMapper::toExecutionRequest).toList())
              .build();
      case ModelMessage.ToolResult result ->
          ToolExecutionResultMessage.from(result.toolCallId(), result.toolName(), result.text());
    };
  }

  /** Text alone, or text and images as LangChain4j content parts (the provider's vision input). */
  private static UserMessage userMessage(ModelMessage.User user) {
    if (user.images().isEmpty()) {
      return UserMessage.from(user.text());
    }
    List<Content> parts = new ArrayList<>();
    parts.add(TextContent.from(user.text()));
    for (ModelImage image : user.images()) {
      parts.add(
          switch (image) {
            case ModelImage.Link link -> ImageContent.from(link.url());
            case ModelImage.Inline inline ->
                ImageContent.from(
                    Base64.getEncoder().encodeToString(inline.data()), inline.mimeType());
          });
    }
    return UserMessage.from(parts);
  }

  private static ToolExecutionRequest toExecutionRequest(ToolCall call) {
    return ToolExecutionRequest.builder()
        .id(call.id())
        .name(call.name())
        .arguments(ToolArgumentsJson.write(call.arguments()))
        .build();
  }

  /** Reads the tool's parameter schema through LangChain4j's own tool-specification JSON form. */
  static ToolSpecification toSpec(ToolSpec tool) {
    try {
      ObjectNode spec = JSON.createObjectNode();
      spec.put("name", tool.name());
      spec.put("description", tool.description());
      if (!tool.parameters().isEmpty()) {
        spec.set("parameters", JSON.valueToTree(tool.parameters()));
      }
      return ToolSpecification.fromJson(JSON.writeValueAsString(spec));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "tool '" + tool.name() + "' has an invalid parameters JSON Schema: " + e.getMessage(), e);
    }
  }
}
