package dev.shortlease.application.port.in;

/** The request carries no valid credential. */
public final class UnauthorizedException extends RuntimeException {
  public UnauthorizedException(String message) {
    super(message);
  }
}
