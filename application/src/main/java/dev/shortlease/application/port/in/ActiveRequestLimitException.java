package dev.shortlease.application.port.in;

/**
 * A limit on work running at once was reached (an app's or an end user's active requests, or the
 * model side calls): HTTP 429, Dify's {@code rate_limit_error} with Dify's message. Nothing was
 * saved.
 */
public final class ActiveRequestLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ActiveRequestLimitException(String message) {
    super(message);
  }
}
