package dev.shortlease.application.chat;

import dev.shortlease.application.ChatExecutor;
import dev.shortlease.application.ChatSettings;
import dev.shortlease.application.ReliabilitySettings;
import dev.shortlease.application.limits.ActiveRequests;
import dev.shortlease.application.port.in.AppModeMismatchException;
import dev.shortlease.application.port.in.AppUnavailableException;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.application.port.in.FileRequest;
import dev.shortlease.application.port.in.SendMessageCommand;
import dev.shortlease.application.port.in.SendMessageUseCase;
import dev.shortlease.application.port.in.ShuttingDownException;
import dev.shortlease.domain.App;
import dev.shortlease.domain.ChatTurn;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.HistoryWindow;
import dev.shortlease.domain.InvalidInputException;
import dev.shortlease.domain.MessageFile;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.StorageUnavailableException;
import dev.shortlease.domain.Texts;
import dev.shortlease.domain.port.AppsPort;
import dev.shortlease.domain.port.ChatHistoryPort;
import dev.shortlease.domain.port.FinishMessagePort;
import dev.shortlease.domain.port.MessageFilesPort;
import dev.shortlease.domain.port.StartTurnPort;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Use case: send a message (the App Runner's entry). On the caller's thread: T1 the app, T2 the
 * turn (end user, conversation, running message), T3 the history — each one short transaction, so
 * bad input or a foreign conversation fails with nothing saved. Then the runner generates on its
 * own thread with no connection held, and the caller gets the run to consume. Attached files are
 * checked (metadata only) before T2 and recorded right after it; the runner reads their bytes.
 */
public final class SendMessageService implements SendMessageUseCase {
  private final AppsPort apps;
  private final StartTurnPort startTurn;
  private final ChatHistoryPort history;
  private final FinishMessagePort finish;
  private final RunRegistry registry;
  private final ChatRunners runners;
  private final ChatSettings settings;
  private final ChatExecutor executor;
  private final ChatFiles chatFiles;
  private final MessageFilesPort messageFiles;
  private final ActiveRequests active;
  private final Duration startWait;

  /** The shortest time between two attempts at T2. */
  private static final Duration RETRY_PAUSE = Duration.ofMillis(100);

  @Inject
  public SendMessageService(
      AppsPort apps,
      StartTurnPort startTurn,
      ChatHistoryPort history,
      FinishMessagePort finish,
      RunRegistry registry,
      ChatRunners runners,
      ChatSettings settings,
      ChatExecutor executor,
      ChatFiles chatFiles,
      MessageFilesPort messageFiles,
      ActiveRequests active,
      ReliabilitySettings reliability) {
    this.apps = apps;
    this.startTurn = startTurn;
    this.history = history;
    this.finish = finish;
    this.registry = registry;
    this.runners = runners;
    this.settings = settings;
    this.executor = executor;
    this.chatFiles = chatFiles;
    this.messageFiles = messageFiles;
    this.active = active;
    this.startWait = reliability.admissionWait();
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
   * Refused with {@link ShuttingDownException} once shutdown has begun stopping runs; a start that
   * began before is waited for by shutdown until its run is registered ({@link
   * RunRegistry#beginStart()}).
   */
  @Override
  public ChatRun send(SendMessageCommand command, List<FileRequest> fileRequests) {
    long startNanos = System.nanoTime();
    try (RunRegistry.Start start = registry.beginStart()) {
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
        startTurn(
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
      if (!files.isEmpty()) {
        messageFiles.attachFiles(turn.owner(), turn.messageId(), files);
      }
      ChatContext context =
          new ChatContext(
              app, turn, query, loadHistory(turn), files, List.of(), autoName, startNanos);
      return start(context, command.user(), slot, start);
    } catch (RuntimeException | Error e) {
      // T2 saved a running message: end it rather than leave it for recovery (rule R5). The
      // failure itself reaches the log through the caller's error mapping, not the stored text.
      try {
        finish.finishMessage(
            turn.owner(),
            turn.messageId(),
            MessageOutcome.failed(
                "", "internal_error: the answer could not be started", null, Duration.ZERO));
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * T2. A start that got no connection within the pool's acquire timeout ran nothing, so it tries
   * again until the admission wait is spent: past the CPU limit, when every lease is slow, a start
   * waits longer instead of being refused by the pool (503 only once that wait is over).
   */
  private StartedTurn startTurn(NewTurn turn, long startNanos) {
    long deadline = startNanos + startWait.toNanos();
    while (true) {
      long attempt = System.nanoTime();
      try {
        return startTurn.startTurn(turn);
      } catch (StorageUnavailableException e) {
        if (!e.noConnection() || System.nanoTime() - deadline >= 0) {
          throw e;
        }
        pauseIfQuick(attempt);
      }
    }
  }

  /** An attempt refused at once (a pool shutting down) must not turn the retries into a spin. */
  private static void pauseIfQuick(long attemptNanos) {
    long pause = RETRY_PAUSE.toNanos() - (System.nanoTime() - attemptNanos);
    if (pause > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(pause);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new StorageUnavailableException("interrupted while waiting for a connection", null);
      }
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

  /** T3: earlier turns copied into memory (none for a new conversation). */
  private List<ChatTurn> loadHistory(StartedTurn turn) {
    HistoryWindow window = settings.historyWindow();
    if (turn.newConversation() || window.maxTurns() == 0 || window.maxChars() == 0) {
      return List.of();
    }
    return history.loadHistory(turn.owner(), turn.conversationId(), turn.messageId(), window);
  }

  private ChatRun start(
      ChatContext context, String user, ActiveRequests.Slot slot, RunRegistry.Start start) {
    RunningChat run =
        new RunningChat(
            context.app().id(),
            user,
            context.app().mode(),
            context.turn(),
            settings.eventQueueCapacity(),
            context.files(),
            slot);
    Runnable runner = runners.create(context, run);
    registry.register(run, start); // from here the run is shutdown's to stop and wait for
    try {
      executor.execute(runner);
    } catch (RejectedExecutionException e) {
      // Shutting down: end at once as stopped, on this thread; the model is never called.
      run.requestStop(StopReason.SHUTDOWN);
      runner.run();
    } catch (RuntimeException | Error e) {
      // No thread for the run (out of memory, say): it never started, so shutdown has nothing to
      // wait for; the caller ends its message and frees its slot.
      registry.unregister(run);
      throw e;
    }
    return run;
  }
}
