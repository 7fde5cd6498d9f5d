package dev.shortlease.application.chat;

import dev.shortlease.application.limits.ActiveRequests;
import dev.shortlease.application.port.in.AppModeMismatchException;
import dev.shortlease.application.port.in.AppUnavailableException;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.application.port.in.FileRequest;
import dev.shortlease.application.port.in.SendMessageCommand;
import dev.shortlease.application.port.in.SendMessageUseCase;
import dev.shortlease.domain.App;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.InvalidInputException;
import dev.shortlease.domain.MessageFile;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.Texts;
import dev.shortlease.domain.port.AppsPort;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Use case: send a message (the App Runner's entry). On the caller's thread, each step one short
 * transaction: T1 the app (here), T2 the turn ({@link TurnStarter}), T3 the history ({@link
 * TurnHistory}), so bad input or a foreign conversation fails with nothing saved. Then {@link
 * RunLauncher} hands the run to its own thread with no connection held, and the caller gets the run
 * to consume. Attached files are checked (metadata only) before T2 ({@link ChatFiles}) and recorded
 * right after it; the runner reads their bytes.
 */
public final class SendMessageService implements SendMessageUseCase {
  private final AppsPort apps;
  private final ActiveRequests active;
  private final ChatFiles chatFiles;
  private final TurnStarter turns;
  private final TurnHistory history;
  private final RunLauncher launcher;

  @Inject
  public SendMessageService(
      AppsPort apps,
      ActiveRequests active,
      ChatFiles chatFiles,
      TurnStarter turns,
      TurnHistory history,
      RunLauncher launcher) {
    this.apps = apps;
    this.active = active;
    this.chatFiles = chatFiles;
    this.turns = turns;
    this.history = history;
    this.launcher = launcher;
  }

  /**
   * The app's and the user's active-request limits are checked before T2, so a refused request
   * saves nothing; the slot taken then is the run's until it ends.
   */
  @Override
  public ChatRun send(SendMessageCommand command) {
    return send(command, List.of());
  }

  /**
   * Refused with {@link dev.shortlease.application.port.in.ShuttingDownException} once shutdown has
   * begun stopping runs; a start that began before is waited for by shutdown until its run is
   * registered ({@link RunLauncher#beginStart()}).
   */
  @Override
  public ChatRun send(SendMessageCommand command, List<FileRequest> fileRequests) {
    long startNanos = System.nanoTime();
    try (RunRegistry.Start start = launcher.beginStart()) {
      App app = servingApp(command);
      ActiveRequests.Slot slot = active.enter(app, command.user());
      try {
        return send(command, fileRequests, app, slot, start, startNanos);
      } catch (RuntimeException | Error e) {
        slot.close();
        throw e;
      }
    }
  }

  private ChatRun send(
      SendMessageCommand command,
      List<FileRequest> fileRequests,
      App app,
      ActiveRequests.Slot slot,
      RunRegistry.Start start,
      long startNanos) {
    ConversationId continued = command.completion() ? null : command.conversationId();
    // As in Dify, a later turn runs with its conversation's inputs: the request's are not checked.
    Map<String, Object> inputs =
        continued == null
            ? InputFormValidator.validate(app.userInputForm(), command.inputs())
            : Map.of();
    String query = command.completion() ? completionQuery(app, command, inputs) : command.query();
    List<MessageFile> files = chatFiles.resolve(app, command.user(), fileRequests);
    StartedTurn turn =
        turns.start(
            new NewTurn(
                app.id(),
                command.user(),
                continued,
                query,
                inputs,
                app.mode().isConversational() ? app.conversationVariables() : List.of()),
            startNanos);
    try {
      boolean autoName =
          command.autoGenerateName() && app.mode().isConversational() && turn.newConversation();
      turns.attachFiles(turn, files);
      ChatContext context =
          new ChatContext(
              app, turn, query, history.load(turn), files, List.of(), autoName, startNanos);
      return launcher.launch(context, command.user(), slot, start);
    } catch (RuntimeException | Error e) {
      // T2 saved a running message: end it rather than leave it for recovery (rule R5).
      turns.abandon(turn, e);
      throw e;
    }
  }

  /** T1, and the checks the app's state and mode impose on this call. */
  private App servingApp(SendMessageCommand command) {
    App app = apps.findApp(command.appId()).orElseThrow(() -> new NotFoundException("app"));
    if (!app.isServing()) {
      throw AppUnavailableException.of(app);
    }
    if (command.completion() == app.mode().isConversational()) {
      throw new AppModeMismatchException(app.mode(), !command.completion());
    }
    return app;
  }

  /**
   * The completion endpoint's text: the form's {@code query}, else the {@code query} field, else
   * the form's other values as "label: value" lines (a form without {@code query}, whose system
   * prompt says what to do with them).
   */
  private static String completionQuery(
      App app, SendMessageCommand command, Map<String, Object> inputs) {
    String fromInputs = inputs.get("query") instanceof String text ? text : "";
    String query = fromInputs.isBlank() ? command.query() : fromInputs;
    if (query.isBlank()) {
      query = PromptTemplate.formValues(app.userInputForm(), inputs);
    }
    if (query.isBlank()) {
      throw new InvalidInputException("query", "is required");
    }
    Texts.requireAtMost(query, "query", SendMessageCommand.MAX_QUERY_LENGTH);
    return query;
  }
}
