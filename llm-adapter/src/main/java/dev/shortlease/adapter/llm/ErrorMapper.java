package dev.shortlease.adapter.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

/**
 * LLM adapter internals: turns whatever a LangChain4j provider reports (its typed exceptions, the
 * HTTP status and body behind them, I/O failures) into a {@link ModelException} of Dify's kinds.
 */
final class ErrorMapper {
  private static final int MAX_BODY_CHARS = 300;

  private ErrorMapper() {}

  static ModelException toModelException(Throwable error, String provider) {
    if (error instanceof ModelException modelException) {
      return modelException;
    }
    HttpException http = find(error, HttpException.class);
    if (http != null) {
      return fromHttpStatus(http.statusCode(), http.getMessage(), provider, error);
    }
    if (find(error, AuthenticationException.class) != null
        || find(error, ModelNotFoundException.class) != null) {
      return new ModelException(
          ModelErrorKind.NOT_CONFIGURED,
          provider + " rejected the credentials or the model: " + rootMessage(error),
          error);
    }
    if (find(error, RateLimitException.class) != null) {
      return fromHttpStatus(429, rootMessage(error), provider, error);
    }
    return new ModelException(
        ModelErrorKind.REQUEST_FAILED, provider + " request failed: " + describe(error), error);
  }

  static ModelException fromHttpStatus(int status, String body, String provider, Throwable cause) {
    String detail = provider + " answered HTTP " + status + ": " + excerpt(body);
    ModelErrorKind kind =
        switch (status) {
          case 401, 403, 404 -> ModelErrorKind.NOT_CONFIGURED;
          case 429 ->
              mentionsQuota(body) ? ModelErrorKind.QUOTA_EXCEEDED : ModelErrorKind.RATE_LIMITED;
          default -> ModelErrorKind.REQUEST_FAILED;
        };
    return new ModelException(kind, detail, cause);
  }

  private static boolean mentionsQuota(String body) {
    return body != null && body.toLowerCase(Locale.ROOT).contains("quota");
  }

  private static String describe(Throwable error) {
    if (find(error, HttpConnectTimeoutException.class) != null) {
      return "connect timed out";
    }
    if (find(error, HttpTimeoutException.class) != null
        || find(error, dev.langchain4j.exception.TimeoutException.class) != null) {
      return "timed out waiting for the response";
    }
    if (find(error, ConnectException.class) != null) {
      return "could not connect (" + rootMessage(error) + ")";
    }
    return rootMessage(error);
  }

  private static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "(no body)";
    }
    String flat = body.strip().replaceAll("\\s+", " ");
    return flat.length() <= MAX_BODY_CHARS ? flat : flat.substring(0, MAX_BODY_CHARS) + "...";
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + excerpt(message));
  }

  private static <T extends Throwable> T find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
