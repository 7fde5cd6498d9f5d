package dev.shortlease.benchmark.springosiv;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A chat whatever carries its events: its start on the request's thread, then, on the thread that
 * streams the response (which is what the two controllers differ in), the model's tokens relayed as
 * {@code message} events, the answer saved, {@code message_end}; on a failure, the message marked
 * failed and an {@code error} event.
 */
@Component
public class ChatRelay {

  /** Where the events go: an {@code SseEmitter}, or a streamed response body. */
  @FunctionalInterface
  public interface EventSink {
    void send(Object event) throws IOException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(ChatRelay.class);

  private final ApiKeyService apiKeys;
  private final ChatService chats;
  private final SimulatedChatModel model;

  public ChatRelay(ApiKeyService apiKeys, ChatService chats, SimulatedChatModel model) {
    this.apiKeys = apiKeys;
    this.chats = chats;
    this.model = model;
  }

  /** On the request's thread: the app from its key, the request checked, the message running. */
  public ChatEvents start(String authorization, ChatRequest request) {
    App app = apiKeys.authenticate(authorization);
    request.validate();
    return ChatEvents.of(chats.start(app, request));
  }

  /** Throws only when the client is gone: every other failure ends in an {@code error} event. */
  public void relay(ChatEvents events, String query, long startedNanos, EventSink sink)
      throws IOException {
    StringBuilder answer = new StringBuilder();
    try {
      model.stream(
          query,
          token -> {
            answer.append(token);
            sendUnchecked(sink, events.message(token));
          });
      long latency = System.nanoTime() - startedNanos;
      int promptTokens = query.strip().split("\\s+").length;
      chats.finish(
          events.messageId(), answer.toString(), promptTokens, model.answerTokens(), latency);
      sink.send(events.messageEnd(promptTokens, model.answerTokens(), latency));
    } catch (RuntimeException e) {
      LOG.warn("chat {} failed: {}", events.messageId(), e.toString());
      try {
        chats.fail(events.messageId(), answer.toString(), e.toString());
      } catch (RuntimeException alsoFailed) {
        LOG.warn("chat {} not marked failed: {}", events.messageId(), alsoFailed.toString());
      }
      sink.send(
          e instanceof CannotCreateTransactionException
              ? events.error(503, "service_unavailable", "The database is busy.")
              : events.error(500, "internal_server_error", "The answer failed."));
    }
  }

  private static void sendUnchecked(EventSink sink, Object event) {
    try {
      sink.send(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
