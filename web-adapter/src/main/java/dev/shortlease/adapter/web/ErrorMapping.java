package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.AppModeMismatchException;
import dev.shortlease.application.port.in.AppUnavailableException;
import dev.shortlease.application.port.in.BusyException;
import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.TooManyRequestsException;
import dev.shortlease.application.port.in.UnauthorizedException;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.domain.InvalidInputException;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.StorageUnavailableException;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Web adapter: turns every exception into Dify's error shape. Known failures keep their message (it
 * names the bad field); anything unexpected is logged with its stack and answered with a bare 500,
 * so no stack trace or internal detail reaches a client.
 */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  /** Seconds a client should wait before retrying when storage is saturated or it sent too much. */
  static final String RETRY_AFTER_SECONDS = "1";

  private ErrorMapping() {}

  static ApiError of(Throwable failure) {
    return switch (failure) {
      case ApiException e -> e.error();
      case InvalidInputException e -> ApiError.invalidParam(e.getMessage());
      case NotFoundException e -> ApiError.notFound(capitalized(e.what()) + " Not Exists.");
      case UnauthorizedException e -> ApiError.unauthorized(e.getMessage());
      case AppUnavailableException e -> ApiError.appUnavailable();
      case AppModeMismatchException e ->
          e.chatRequested() ? ApiError.notChatApp() : ApiError.appUnavailable();
      case StorageUnavailableException e -> {
        LOG.warn("storage unavailable: {}", e.getMessage());
        yield new ApiError(503, "service_unavailable", "The database is busy; retry in a moment.");
      }
      case BusyException e -> new ApiError(503, "service_unavailable", e.getMessage());
      case TooManyRequestsException e -> new ApiError(429, "too_many_requests", e.getMessage());
      case ModelException e -> modelError(e.kind(), e.getMessage());
      case HttpResponseException e -> fromJavalin(e);
      default -> {
        LOG.error("unexpected failure while serving a request", failure);
        yield ApiError.internal();
      }
    };
  }

  /** A model failure with Dify's code and HTTP status for its kind. */
  static ApiError modelError(ModelErrorKind kind, String message) {
    String code =
        switch (kind) {
          case NOT_CONFIGURED -> "provider_not_initialize";
          case QUOTA_EXCEEDED -> "provider_quota_exceeded";
          case RATE_LIMITED -> "rate_limit_error";
          case REQUEST_FAILED -> "completion_request_error";
        };
    int status = kind == ModelErrorKind.RATE_LIMITED ? 429 : 400;
    return new ApiError(status, code, message == null ? code : message);
  }

  /** A run's {@code Failed} event: the model's error, or a 500 with the run's own message. */
  static ApiError runFailure(ChatEvent.Failed failed) {
    if (failed.isInternal()) {
      String message = failed.message() == null ? ApiError.internal().message() : failed.message();
      return new ApiError(500, ApiError.internal().code(), message);
    }
    return modelError(failed.modelError(), failed.message());
  }

  private static ApiError fromJavalin(HttpResponseException e) {
    return switch (e.getStatus()) {
      case 404 -> ApiError.notFound("The requested URL was not found on the server.");
      case 405 -> new ApiError(405, "method_not_allowed", "The method is not allowed.");
      case 413 -> tooLarge();
      case 400 -> ApiError.invalidParam(e.getMessage());
      default ->
          new ApiError(
              e.getStatus(),
              e.getMessage().toLowerCase(Locale.ROOT).replace(' ', '_'),
              e.getMessage());
    };
  }

  static ApiError tooLarge() {
    return new ApiError(413, "request_entity_too_large", "The request body is too large.");
  }

  private static String capitalized(String what) {
    return what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
  }
}
