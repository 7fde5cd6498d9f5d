package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.ActiveRequestLimitException;
import dev.shortlease.application.port.in.AppModeMismatchException;
import dev.shortlease.application.port.in.AppUnavailableException;
import dev.shortlease.application.port.in.BusyException;
import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.application.port.in.MediaRejectedException;
import dev.shortlease.application.port.in.ShuttingDownException;
import dev.shortlease.application.port.in.TooManyRequestsException;
import dev.shortlease.application.port.in.UnauthorizedException;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.domain.InvalidInputException;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.StorageUnavailableException;
import dev.shortlease.domain.Texts;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Web adapter: turns every failure into Dify's error shape, with Dify's code, status and fixed
 * message (docs/adr/0016). Input errors keep their message, which names the field; everything else
 * says only its code's fixed sentence, and what really happened — exception, provider body, host —
 * goes to the log with the request's ID, which the client has in {@code X-Request-Id}.
 */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  /** Seconds a client should wait before retrying when storage is saturated or it sent too much. */
  static final String RETRY_AFTER_SECONDS = "1";

  /** A request refused because this instance is shutting down (draining, or stopping runs). */
  /**
   * One message for a pool that lends nothing in time, a statement or lock timeout, and a database
   * that cannot be reached: the client's remedy is the same, and the log says which it was.
   */
  static final ApiError STORAGE_UNAVAILABLE =
      new ApiError(
          503, "service_unavailable", "The database is busy or unreachable; retry in a moment.");

  static final ApiError SHUTTING_DOWN =
      new ApiError(
          503,
          "service_unavailable",
          "The service is shutting down; send the request again (another instance will take it).");

  /** What Dify's stream converter says for a failure it has no code for. */
  static final String STREAM_INTERNAL_MESSAGE = "Internal Server Error, please contact support.";

  private ErrorMapping() {}

  /** An exception thrown while serving request {@code requestId}. */
  static ApiError of(Throwable failure, String requestId) {
    return switch (failure) {
      case ApiException e -> e.error();
      case InvalidInputException e -> ApiError.invalidParam(e.getMessage());
      case NotFoundException e -> ApiError.notFound(capitalized(e.what()) + " Not Exists.");
      case UnauthorizedException e -> ApiError.unauthorized(ApiAuth.INVALID_TOKEN);
      case AppUnavailableException e -> ApiError.appUnavailable();
      case AppModeMismatchException e ->
          e.chatRequested() ? ApiError.notChatApp() : ApiError.appUnavailable();
      case StorageUnavailableException e -> {
        // The database's own words (refused, reset, timed out) go to the log, as Hibernate logs
        // no SQL error; the client gets the fixed message.
        LOG.warn(
            "request {}: storage unavailable: {}{}",
            requestId,
            Texts.loggable(e.getMessage()),
            Texts.loggable(databaseSays(e)));
        yield STORAGE_UNAVAILABLE;
      }
      case BusyException e -> new ApiError(503, "service_unavailable", e.getMessage());
      case ShuttingDownException e -> SHUTTING_DOWN;
      case TooManyRequestsException e -> new ApiError(429, "too_many_requests", e.getMessage());
      // Dify's service API answers an active-request limit with 429 rate_limit_error.
      case ActiveRequestLimitException e -> new ApiError(429, "rate_limit_error", e.getMessage());
      case ModelException e -> {
        LOG.warn(
            "request {}: model failed ({}): {}",
            requestId,
            e.kind(),
            Texts.loggable(e.getMessage()));
        yield modelError(e.kind(), false);
      }
      case MediaRejectedException e -> MediaErrors.of(e);
      case HttpResponseException e -> fromJavalin(e);
      default -> {
        LOG.error("request {}: unexpected failure", requestId, failure);
        yield ApiError.internal();
      }
    };
  }

  /**
   * A model failure as Dify's controller (blocking, api/controllers/service_api/app/completion.py
   * with error.py) or its stream converter (api/core/app/apps/base_app_generate_response_converter
   * .py) answers it. A provider's rate limit is an {@code InvokeError} there, so 400 {@code
   * completion_request_error} too; Dify's 429 {@code rate_limit_error} is its own request cap.
   */
  static ApiError modelError(ModelErrorKind kind, boolean streaming) {
    return switch (kind) {
      case NOT_CONFIGURED ->
          new ApiError(
              400,
              "provider_not_initialize",
              "No valid model provider credentials found. Please go to Settings -> Model Provider"
                  + " to complete your provider credentials.");
      case QUOTA_EXCEEDED ->
          new ApiError(
              400,
              "provider_quota_exceeded",
              "Your quota for Dify Hosted "
                  + (streaming ? "Model Provider" : "OpenAI")
                  + " has been exhausted. Please go to Settings -> Model Provider to complete your"
                  + " own provider credentials.");
      case RATE_LIMITED, REQUEST_FAILED ->
          new ApiError(400, "completion_request_error", "Completion request failed.");
    };
  }

  /**
   * A run's {@code Failed} event as the client sees it: its kind's fixed message, or the message
   * this service wrote for it (400 for the client's input, a remote image that could not be
   * fetched); an unexpected failure says only Dify's internal error sentence.
   */
  static ApiError runFailure(ChatEvent.Failed failed, boolean streaming) {
    if (failed.invalidInput()) {
      // Dify's stream converter answers a ValueError so: 400 invalid_param with its message.
      return ApiError.invalidParam(failed.message());
    }
    if (!failed.isInternal()) {
      return modelError(failed.modelError(), streaming);
    }
    if (failed.message() != null) {
      return new ApiError(500, ApiError.internal().code(), failed.message());
    }
    return streaming
        ? new ApiError(500, ApiError.internal().code(), STREAM_INTERNAL_MESSAGE)
        : ApiError.internal();
  }

  /** Logs what the client of {@code run} is not told, under the request's ID and the message's. */
  static void logRunFailure(String requestId, ChatRun run, ChatEvent.Failed failed) {
    LOG.warn(
        "request {}: message {} failed ({}): {}",
        requestId,
        run.messageId(),
        failed.invalidInput()
            ? "invalid input"
            : failed.isInternal() ? "internal" : failed.modelError(),
        Texts.loggable(failed.detail() == null ? failed.message() : failed.detail()));
  }

  private static ApiError fromJavalin(HttpResponseException e) {
    return switch (e.getStatus()) {
      case 404 -> ApiError.unknownRoute();
      case 405 -> ApiError.methodNotAllowed();
      case 413 -> tooLarge();
      case 400 ->
          new ApiError(
              400,
              "bad_request",
              "The browser (or proxy) sent a request that this server could not understand.");
      default ->
          new ApiError(
              e.getStatus(),
              e.getMessage().toLowerCase(Locale.ROOT).replace(' ', '_'),
              e.getMessage());
    };
  }

  /** werkzeug's RequestEntityTooLarge. */
  static ApiError tooLarge() {
    return new ApiError(
        413, "request_entity_too_large", "The data value transmitted exceeds the capacity limit.");
  }

  /** {@code ": "} and the innermost cause's message, or nothing without a cause. */
  private static String databaseSays(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == failure || root.getMessage() == null ? "" : ": " + root.getMessage();
  }

  private static String capitalized(String what) {
    return what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
  }
}
