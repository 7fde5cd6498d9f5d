package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.AppUnavailableException;
import dev.shortlease.application.port.in.UnauthorizedException;
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

  /** Seconds a client should wait before retrying when storage is saturated. */
  static final String RETRY_AFTER_SECONDS = "1";

  private ErrorMapping() {}

  static ApiError of(Throwable failure) {
    return switch (failure) {
      case ApiException e -> e.error();
      case InvalidInputException e -> ApiError.invalidParam(e.getMessage());
      case NotFoundException e -> ApiError.notFound(capitalized(e.what()) + " Not Exists.");
      case UnauthorizedException e -> ApiError.unauthorized(e.getMessage());
      case AppUnavailableException e -> ApiError.appUnavailable();
      case StorageUnavailableException e -> {
        LOG.warn("storage unavailable: {}", e.getMessage());
        yield new ApiError(503, "service_unavailable", "The database is busy; retry in a moment.");
      }
      case ModelException e -> modelError(e.kind().code(), e.getMessage());
      case HttpResponseException e -> fromJavalin(e);
      default -> {
        LOG.error("unexpected failure while serving a request", failure);
        yield ApiError.internal();
      }
    };
  }

  /** A model failure (or a run's {@code Failed} event) with Dify's status for its code. */
  static ApiError modelError(String code, String message) {
    int status =
        switch (code) {
          case "rate_limit_error" -> 429;
          case "internal_server_error" -> 500;
          default -> 400;
        };
    return new ApiError(status, code, message == null ? code : message);
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
