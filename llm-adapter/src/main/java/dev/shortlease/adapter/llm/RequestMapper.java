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
    return toChatRequest(request, modelName, true);
  }

  /**
   * @param imageLinks whether image URLs may be passed on as URLs. Only for a provider that takes
   *     them as they are: LangChain4j's Ollama model downloads each URL itself, in this process,
   *     which would let a client make the service fetch any address it can reach (its own network,
   *     a cloud's metadata endpoint). Without them an image link is left out.
   */
  static ChatRequest toChatRequest(ModelRequest request, String modelName, boolean imageLinks) {
    ChatRequest.Builder builder =
        ChatRequest.builder()
            .messages(
                request.messages().stream()
                    .map(message -> toChatMessage(message, imageLinks))
                    .toList())
            .modelName(modelName)
            .temperature(request.settings().temperature())
            .maxOutputTokens(request.settings().maxTokens());
    if (!request.tools().isEmpty()) {
      builder.toolSpecifications(request.tools().stream().map(RequestMapper::toSpec).toList());
    }
    return builder.build();
  }

  static ChatMessage toChatMessage(ModelMessage message) {
    return toChatMessage(message, true);
  }

  private static ChatMessage toChatMessage(ModelMessage message, boolean imageLinks) {
    return switch (message) {
      case ModelMessage.System system -> SystemMessage.from(system.text());
      case ModelMessage.User user -> userMessage(user, imageLinks);
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
  private static UserMessage userMessage(ModelMessage.User user, boolean imageLinks) {
    List<Content> images = new ArrayList<>();
    for (ModelImage image : user.images()) {
      switch (image) {
        case ModelImage.Link link -> {
          if (imageLinks) {
            images.add(ImageContent.from(link.url()));
          }
        }
        case ModelImage.Inline inline ->
            images.add(
                ImageContent.from(
                    Base64.getEncoder().encodeToString(inline.data()), inline.mimeType()));
      }
    }
    if (images.isEmpty()) {
      return UserMessage.from(user.text());
    }
    List<Content> parts = new ArrayList<>();
    parts.add(TextContent.from(user.text()));
    parts.addAll(images);
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
