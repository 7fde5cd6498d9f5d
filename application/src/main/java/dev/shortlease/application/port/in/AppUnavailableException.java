package dev.shortlease.application.port.in;

/** The app exists but is disabled or has its API turned off (Dify's {@code app_unavailable}). */
public final class AppUnavailableException extends RuntimeException {
  public AppUnavailableException(String message) {
    super(message);
  }
}
