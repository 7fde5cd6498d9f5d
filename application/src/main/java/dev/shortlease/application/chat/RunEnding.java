package dev.shortlease.application.chat;

import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.domain.AnnotationId;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.TokenUsage;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run ended, decided once: a stop (user, disconnect, time limit, shutdown) wins over a
 * failure it may have caused; a model failure keeps its kind; anything else is an internal error
 * (no {@code modelError}) whose details stay out of the client's event.
 */
record RunEnding(MessageStatus status, ModelErrorKind modelError, String message) {

  static RunEnding of(Optional<StopReason> stop, Throwable failure) {
    if (stop.isPresent()) {
      return new RunEnding(MessageStatus.STOPPED, null, null);
    }
    if (failure instanceof ModelException e) {
      return new RunEnding(
          MessageStatus.ERROR, e.kind(), Objects.toString(e.getMessage(), "model failed"));
    }
    if (failure != null) {
      return new RunEnding(MessageStatus.ERROR, null, "Internal Server Error");
    }
    return new RunEnding(MessageStatus.NORMAL, null, null);
  }

  MessageOutcome outcome(String text, TokenUsage usage, Duration latency) {
    String error = status == MessageStatus.ERROR ? errorText() : null;
    return new MessageOutcome(status, text, error, usage, latency);
  }

  /** The terminal event, published only after the outcome was saved. */
  ChatEvent event(TokenUsage usage, Duration latency, AnnotationId annotationReply) {
    return status == MessageStatus.ERROR
        ? new ChatEvent.Failed(modelError, message)
        : new ChatEvent.MessageEnd(usage, latency, status, annotationReply);
  }

  /** The message's stored error: the failure's kind in lower case, then what was said. */
  private String errorText() {
    String kind =
        modelError == null ? "internal_error" : modelError.name().toLowerCase(Locale.ROOT);
    return kind + ": " + message;
  }
}
