package dev.shortlease.application.chat;

import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.ModelReply;
import java.util.List;

/** Chat and completion: one model call with the history window and the query, streamed. */
final class SingleTurnGenerator implements AnswerGenerator {
  private final ChatModelPort model;

  SingleTurnGenerator(ChatModelPort model) {
    this.model = model;
  }

  @Override
  public void generate(ChatContext context, RunProgress progress) {
    if (progress.stopRequested()) {
      return;
    }
    int before = progress.textLength();
    ModelReply reply =
        model.chat(
            ModelRequests.request(context, ModelRequests.conversation(context), List.of()),
            progress,
            progress.stopSignal());
    progress.endOfReply();
    progress.addUsage(reply.usage());
    if (progress.textLength() == before && !reply.text().isEmpty()) {
      progress.accept(reply.text()); // a provider that did not stream
    }
  }
}
