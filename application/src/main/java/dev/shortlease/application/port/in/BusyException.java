package dev.shortlease.application.port.in;

/** Too many chats are starting at once: try again in a moment (HTTP 503 with Retry-After). */
public final class BusyException extends RuntimeException {
  public BusyException(String message) {
    super(message);
  }
}
