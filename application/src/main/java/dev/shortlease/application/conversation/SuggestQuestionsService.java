package dev.shortlease.application.conversation;

import dev.shortlease.application.ChatSettings;
import dev.shortlease.application.port.in.SuggestQuestionsUseCase;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.ModelMessage;
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
 * (as in Dify) rather than an error.
 */
public final class SuggestQuestionsService implements SuggestQuestionsUseCase {
  private final OwnerResolver owners;
  private final MessagesPort messages;
  private final AppsPort apps;
  private final ChatModelPort model;
  private final ChatSettings settings;

  @Inject
  public SuggestQuestionsService(
      OwnerResolver owners,
      MessagesPort messages,
      AppsPort apps,
      ChatModelPort model,
      ChatSettings settings) {
    this.owners = owners;
    this.messages = messages;
    this.apps = apps;
    this.model = model;
    this.settings = settings;
  }

  @Override
  public List<String> suggest(AppId appId, String user, MessageId messageId) {
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
    try {
      String reply =
          model
              .chat(
                  new ModelRequest(app.modelSettings(), prompt, List.of()),
                  token -> {},
                  StopSignal.never())
              .text();
      return parse(reply, count);
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
