package dev.shortlease.application.chat;

import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.ToolSpec;
import dev.shortlease.domain.ChatTurn;
import java.util.ArrayList;
import java.util.List;

/** Builds the model's first request from a run's context: system prompt, history, query. */
final class ModelRequests {
  private ModelRequests() {}

  static List<ModelMessage> conversation(ChatContext context) {
    List<ModelMessage> messages = new ArrayList<>();
    String system = PromptTemplate.render(context.app().systemPrompt(), context.turn().inputs());
    if (!system.isBlank()) {
      messages.add(new ModelMessage.System(system));
    }
    for (ChatTurn turn : context.history()) {
      messages.add(new ModelMessage.User(turn.query()));
      messages.add(new ModelMessage.Assistant(turn.answer(), List.of()));
    }
    messages.add(new ModelMessage.User(context.query(), context.images()));
    return messages;
  }

  static ModelRequest request(
      ChatContext context, List<ModelMessage> messages, List<ToolSpec> tools) {
    return new ModelRequest(context.app().modelSettings(), messages, tools);
  }
}
