package dev.shortlease.application.chat;

import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.out.ImageInputException;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.domain.AnnotationId;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.TokenUsage;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How a run ended, decided once: a stop (user, disconnect, time limit, shutdown) wins over a
 * failure it may have caused; a model failure keeps its kind; anything else is an internal error.
 * What the failure said ({@code detail}: provider bodies, host names, exception classes) travels
 * only to the operator's log; the stored error and the client's event say a fixed sentence.
 */
record RunEnding(
    MessageStatus status, ModelErrorKind modelError, String detail, String invalidInput) {

  /** The stored error of an unexpected failure. */
  static final String INTERNAL_ERROR = "internal_error: the service failed";

  static RunEnding of(Optional<StopReason> stop, Throwable failure) {
    if (stop.isPresent()) {
      return new RunEnding(MessageStatus.STOPPED, null, null, null);
    }
    if (failure instanceof ModelException e) {
      return new RunEnding(MessageStatus.ERROR, e.kind(), String.valueOf(e.getMessage()), null);
    }
    if (failure instanceof ImageInputException e) {
      // The client's input, not this service, failed: it is told why (Dify fails the node).
      String reason = String.valueOf(e.getMessage());
      return new RunEnding(MessageStatus.ERROR, null, reason, reason);
    }
    if (failure != null) {
      return new RunEnding(MessageStatus.ERROR, null, failure.toString(), null);
    }
    return new RunEnding(MessageStatus.NORMAL, null, null, null);
  }

  MessageOutcome outcome(String text, TokenUsage usage, Duration latency) {
    String error = status == MessageStatus.ERROR ? storedError() : null;
    return new MessageOutcome(status, text, error, usage, latency);
  }

  /** The terminal event, published only after the outcome was saved. */
  ChatEvent event(TokenUsage usage, Duration latency, AnnotationId annotationReply) {
    if (status != MessageStatus.ERROR) {
      return new ChatEvent.MessageEnd(usage, latency, status, annotationReply);
    }
    if (invalidInput != null) {
      return ChatEvent.Failed.invalidInput(invalidInput, detail);
    }
    return modelError == null
        ? ChatEvent.Failed.unexpected(detail)
        : ChatEvent.Failed.model(modelError, detail);
  }

  /** The message's stored error: the failure's kind in lower case and a fixed sentence. */
  private String storedError() {
    if (invalidInput != null) {
      return "invalid_param: " + invalidInput;
    }
    if (modelError == null) {
      return INTERNAL_ERROR;
    }
    String kind = modelError.name().toLowerCase(Locale.ROOT);
    return kind
        + ": "
        + switch (modelError) {
          case NOT_CONFIGURED -> "the model provider rejected the credentials or the model";
          case QUOTA_EXCEEDED -> "the model provider's quota is used up";
          case RATE_LIMITED -> "the model provider limited the request rate";
          case REQUEST_FAILED -> "the model request failed";
        };
  }
}
