package dev.shortlease.benchmark.springosiv;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code POST /v1/chat-messages}, streaming: the app from its key, the running message saved, then
 * the model's tokens relayed as server-sent events from a task on Spring's (virtual-thread) task
 * executor, the answer saved, {@code message_end}.
 */
@RestController
public class ChatController {

  private static final Logger LOG = LoggerFactory.getLogger(ChatController.class);

  private final ApiKeyService apiKeys;
  private final ChatService chats;
  private final SimulatedChatModel model;
  private final TaskExecutor taskExecutor;

  public ChatController(
      ApiKeyService apiKeys,
      ChatService chats,
      SimulatedChatModel model,
      @Qualifier("applicationTaskExecutor") TaskExecutor taskExecutor) {
    this.apiKeys = apiKeys;
    this.chats = chats;
    this.model = model;
    this.taskExecutor = taskExecutor;
  }

  @PostMapping("/v1/chat-messages")
  public SseEmitter chat(
      @RequestHeader(name = "Authorization", required = false) String authorization,
      @RequestBody ChatRequest request) {
    long started = System.nanoTime();
    App app = apiKeys.authenticate(authorization);
    validate(request);
    Message message = chats.start(app, request);
    ChatEvents events = ChatEvents.of(message);
    SseEmitter emitter = new SseEmitter();
    taskExecutor.execute(() -> stream(emitter, events, request.query(), started));
    return emitter;
  }

  private void stream(SseEmitter emitter, ChatEvents events, String query, long started) {
    StringBuilder answer = new StringBuilder();
    try {
      model.stream(
          query,
          token -> {
            answer.append(token);
            send(emitter, events.message(token));
          });
      long latency = System.nanoTime() - started;
      int promptTokens = query.strip().split("\\s+").length;
      chats.finish(
          events.messageId(), answer.toString(), promptTokens, model.answerTokens(), latency);
      send(emitter, events.messageEnd(promptTokens, model.answerTokens(), latency));
      emitter.complete();
    } catch (RuntimeException e) {
      LOG.warn("chat {} failed: {}", events.messageId(), e.toString());
      try {
        chats.fail(events.messageId(), answer.toString(), e.toString());
      } catch (RuntimeException alsoFailed) {
        LOG.warn("chat {} not marked failed: {}", events.messageId(), alsoFailed.toString());
      }
      try {
        boolean busy = e instanceof CannotCreateTransactionException;
        send(
            emitter,
            busy
                ? events.error(503, "service_unavailable", "The database is busy.")
                : events.error(500, "internal_server_error", "The answer failed."));
        emitter.complete();
      } catch (RuntimeException clientGone) {
        emitter.completeWithError(e);
      }
    }
  }

  private static void send(SseEmitter emitter, Object data) {
    try {
      emitter.send(SseEmitter.event().data(data));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void validate(ChatRequest request) {
    if (request.query() == null || request.query().isBlank()) {
      throw new ApiException(400, "invalid_param", "query is required");
    }
    if (request.user() == null || request.user().isBlank()) {
      throw new ApiException(400, "invalid_param", "user is required");
    }
    if (!"streaming".equals(request.responseMode())) {
      throw new ApiException(400, "invalid_param", "this peer serves response_mode=streaming only");
    }
  }
}
