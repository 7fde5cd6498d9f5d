package dev.shortlease.bootstrap.guard;

/**
 * Rule R3 broken: a long call (model, remote tool) was entered while the calling thread held a
 * pooled connection. The message names the port method and where each connection was acquired.
 */
public final class ConnectionHeldDuringLongCallException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public ConnectionHeldDuringLongCallException(String message) {
    super(message);
  }
}
