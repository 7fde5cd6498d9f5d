package dev.shortlease.bootstrap;

/** The service could not start; the message is one line a person can act on. */
public final class StartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
