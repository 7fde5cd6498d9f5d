package dev.shortlease.application.port.in;

/**
 * The service is shutting down and starts no new work: send the request again (another instance
 * will take it). The web adapter answers it as it answers any request refused while draining.
 */
public final class ShuttingDownException extends RuntimeException {
  public ShuttingDownException() {
    super("the service is shutting down");
  }
}
