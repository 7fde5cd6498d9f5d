package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.AdmitChatUseCase;
import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.application.port.in.ResponseMode;
import dev.shortlease.application.port.in.SendMessageCommand;
import dev.shortlease.application.port.in.SendMessageUseCase;
import dev.shortlease.application.port.in.StopGenerationUseCase;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.EndUser;
import dev.shortlease.domain.InvalidInputException;
import dev.shortlease.domain.TaskId;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Web adapter: {@code /v1/chat-messages} and {@code /v1/completion-messages}, each with its {@code
 * stop}. Blocking mode collects the run into one JSON answer; streaming mode hands it to {@link
 * EventStream}.
 */
public final class ChatMessagesHandler {
  /** How often a blocking request looks whether its client hung up. */
  private static final Duration PRESENCE_CHECK_INTERVAL = Duration.ofMillis(500);

  private final ApiAuth auth;
  private final SendMessageUseCase send;
  private final StopGenerationUseCase stop;
  private final AdmitChatUseCase admission;

  /** Nginx's status for a client that closed its connection; no client ever reads it. */
  private static final ApiError CLIENT_GONE =
      new ApiError(499, "client_closed_request", "The client left before the chat started.");

  private final WebSettings settings;

  @Inject
  public ChatMessagesHandler(
      ApiAuth auth,
      SendMessageUseCase send,
      StopGenerationUseCase stop,
      AdmitChatUseCase admission,
      WebSettings settings) {
    this.auth = auth;
    this.send = send;
    this.stop = stop;
    this.admission = admission;
    this.settings = settings;
  }

  /** A started run and how the client wants it. */
  private record Started(ChatRun run, ResponseMode mode) {}

  /**
   * Authentication and the start (T1–T3) wait their turn in the admission line; the body is read
   * before it ({@link PrefetchedBody}), and the stream itself does not hold a place in it.
   */
  void chat(Context ctx) throws InterruptedException {
    PrefetchedBody.prefetch(ctx, settings.maxBodyBytes()); // a slow body waits outside the line
    respond(ctx, admitted(() -> startChat(ctx)));
  }

  void completion(Context ctx) throws InterruptedException {
    PrefetchedBody.prefetch(ctx, settings.maxBodyBytes());
    respond(ctx, admitted(() -> startCompletion(ctx)));
  }

  private Started admitted(Supplier<Started> start) {
    admission.enter();
    try {
      return start.get();
    } finally {
      admission.leave();
    }
  }

  private void respond(Context ctx, Started started) throws InterruptedException {
    respond(ctx, started.run(), started.mode());
  }

  private Started startChat(Context ctx) {
    App app = auth.app(ctx);
    Modes.requireChat(app);
    JsonBody body = JsonRequest.read(ctx, settings.maxBodyBytes());
    String conversation = body.text("conversation_id");
    ResponseMode mode = WireEnums.responseMode(body.text("response_mode"));
    SendMessageCommand command =
        new SendMessageCommand(
            app.id(),
            body.user(),
            body.text("query"),
            settings.inputsLimits().check(body.inputs("inputs"), null),
            conversation == null || conversation.isBlank()
                ? null
                : ConversationId.parse(conversation, "conversation_id"),
            mode,
            body.bool("auto_generate_name", true),
            false);
    body.requireInputs();
    if (app.mode() == AppMode.AGENT_CHAT && mode == ResponseMode.BLOCKING) {
      // Dify's words (api/core/app/apps/agent_chat/app_generator.py); no message is saved.
      throw new ApiException(
          ApiError.invalidParam("Agent Chat App does not support blocking mode"));
    }
    requireClient(ctx);
    return new Started(send.send(command, FileWire.requests(body)), command.responseMode());
  }

  private Started startCompletion(Context ctx) {
    App app = auth.app(ctx);
    Modes.requireCompletion(app);
    JsonBody body = JsonRequest.read(ctx, settings.maxBodyBytes());
    SendMessageCommand command =
        new SendMessageCommand(
            app.id(),
            body.user(),
            body.text("query"),
            settings.inputsLimits().check(body.inputs("inputs"), "query"),
            null,
            WireEnums.responseMode(body.text("response_mode")),
            false,
            true);
    body.requireInputs();
    requireClient(ctx);
    return new Started(send.send(command, FileWire.requests(body)), command.responseMode());
  }

  /**
   * A start that waited in the admission line may find its client gone: past the CPU limit, or in a
   * burst, clients time out and send again while their first request still waits. Starting it
   * anyway would spend T2, a model call and T4 on an answer nobody reads, in the very overload that
   * made it wait — the goodput falls as the line fills with abandoned requests. Checked once the
   * body has been read (the probe reads the connection), right before anything is saved.
   */
  private static void requireClient(Context ctx) {
    if (!ClientPresence.of(ctx).getAsBoolean()) {
      throw new ApiException(CLIENT_GONE);
    }
  }

  void stopChat(Context ctx) {
    App app = auth.app(ctx);
    Modes.requireChat(app);
    stop(ctx, app);
  }

  void stopCompletion(Context ctx) {
    App app = auth.app(ctx);
    Modes.requireCompletion(app);
    stop(ctx, app);
  }

  /**
   * Like Dify (api/services/app_task_service.py sets a stop flag for any string), any task ID is
   * answered with success: one that is no task of ours simply stops nothing.
   */
  private void stop(Context ctx, App app) {
    String user = EndUser.requireExternalId(JsonRequest.read(ctx, settings.maxBodyBytes()).user());
    TaskId task = taskIdOrNull(ctx.pathParam("task_id"));
    if (task != null) {
      stop.stop(app.id(), user, task);
    }
    Responses.ok(ctx, Responses.SUCCESS);
  }

  private static TaskId taskIdOrNull(String text) {
    try {
      return TaskId.parse(text, "task_id");
    } catch (InvalidInputException e) {
      return null;
    }
  }

  private void respond(Context ctx, ChatRun run, ResponseMode mode) throws InterruptedException {
    if (mode == ResponseMode.STREAMING) {
      EventStream.write(ctx, run, settings.pingInterval(), settings.blockingTimeout());
    } else {
      blocking(ctx, run);
    }
  }

  /** Reads the run to its end; a failure becomes the HTTP error Dify gives for it. */
  private void blocking(Context ctx, ChatRun run) throws InterruptedException {
    StringBuilder answer = new StringBuilder();
    BooleanSupplier clientConnected = ClientPresence.of(ctx);
    long deadline = System.nanoTime() + settings.blockingTimeout().toNanos();
    long nextPresenceCheck = System.nanoTime() + PRESENCE_CHECK_INTERVAL.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ChatEvent> next = run.nextEvent(PRESENCE_CHECK_INTERVAL);
      switch (next.orElse(null)) {
        case null -> {}
        case ChatEvent.TextChunk chunk -> answer.append(chunk.text());
        case ChatEvent.AnnotationReply reply -> answer.append(reply.answer());
        case ChatEvent.AgentThoughtEvent thought -> {}
        case ChatEvent.MessageEnd end -> {
          Responses.ok(ctx, ChatWire.blocking(run, answer.toString(), end));
          return;
        }
        case ChatEvent.Failed failed -> {
          ErrorMapping.logRunFailure(RequestIds.of(ctx), run, failed);
          Responses.error(ctx, ErrorMapping.runFailure(failed, false));
          return;
        }
      }
      if (System.nanoTime() >= nextPresenceCheck) {
        if (!clientConnected.getAsBoolean()) {
          run.disconnect(); // saved as stopped with its text so far, as for a streaming client
          return;
        }
        nextPresenceCheck = System.nanoTime() + PRESENCE_CHECK_INTERVAL.toNanos();
      }
    }
    run.disconnect(); // saved as stopped with its text so far
    Responses.error(ctx, new ApiError(504, "gateway_timeout", "The answer took too long."));
  }
}
