package dev.shortlease.application.port.in;

/** The caller sent more than its share: try again in a moment (HTTP 429 with Retry-After). */
public final class TooManyRequestsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TooManyRequestsException() {
    super("Too many requests. Please try again later.");
  }
}
