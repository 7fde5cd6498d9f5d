package dev.shortlease.application.conversation;

import dev.shortlease.application.ChatSettings;
import dev.shortlease.application.limits.ActiveRequests;
import dev.shortlease.application.limits.ModelSideCalls;
import dev.shortlease.application.port.in.SuggestQuestionsUseCase;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.FinishReason;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.port.AppsPort;
import dev.shortlease.domain.port.MessagesPort;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Use case: follow-up questions for one of the user's messages. Short reads, then the model with no
 * connection held; its reply is read one question per line. A failing model yields no suggestions
 * (as in Dify) rather than an error, and so does one stopped by the side-call time limit or by the
 * client leaving. The call counts as an active request of its app and user, and as a {@linkplain
 * ModelSideCalls side call}: over any of those limits it is refused with 429 before the model is
 * asked.
 */
public final class SuggestQuestionsService implements SuggestQuestionsUseCase {
  private final OwnerResolver owners;
  private final MessagesPort messages;
  private final AppsPort apps;
  private final ChatModelPort model;
  private final ChatSettings settings;
  private final ActiveRequests active;
  private final ModelSideCalls sideCalls;

  @Inject
  public SuggestQuestionsService(
      OwnerResolver owners,
      MessagesPort messages,
      AppsPort apps,
      ChatModelPort model,
      ChatSettings settings,
      ActiveRequests active,
      ModelSideCalls sideCalls) {
    this.owners = owners;
    this.messages = messages;
    this.apps = apps;
    this.model = model;
    this.settings = settings;
    this.active = active;
    this.sideCalls = sideCalls;
  }

  @Override
  public List<String> suggest(
      AppId appId, String user, MessageId messageId, StopSignal clientGone) {
    Message message =
        messages
            .findMessage(owners.require(appId, user, "message"), messageId)
            .orElseThrow(() -> new NotFoundException("message"));
    App app = apps.findApp(appId).orElseThrow(() -> new NotFoundException("app"));
    int count = settings.suggestedQuestions();
    List<ModelMessage> prompt =
        List.of(
            new ModelMessage.System(
                "Suggest exactly %d short questions the user might ask next, one per line, with no numbering or other text."
                    .formatted(count)),
            new ModelMessage.User(message.query()),
            new ModelMessage.Assistant(message.answer(), List.of()),
            new ModelMessage.User("What could I ask next?"));
    ModelRequest request = new ModelRequest(app.modelSettings(), prompt, List.of());
    try (ActiveRequests.Slot slot = active.enter(app, user)) {
      return sideCalls.call(clientGone, stop -> ask(request, count, stop));
    }
  }

  private List<String> ask(ModelRequest request, int count, StopSignal stop) {
    try {
      ModelReply reply = model.chat(request, token -> {}, stop);
      // Cut short, the last line may be half a question: none rather than a broken one.
      return reply.finishReason() == FinishReason.STOPPED ? List.of() : parse(reply.text(), count);
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  static List<String> parse(String reply, int count) {
    return reply
        .lines()
        .map(line -> line.strip().replaceFirst("^(?:[-*•]|\\d+[.)])\\s*", "").strip())
        .filter(line -> !line.isEmpty())
        .limit(count)
        .toList();
  }
}
