package dev.shortlease.guardrails.guard;

/**
 * A long call (a model, a remote service) was entered while the calling thread or its unit of work
 * held a pooled connection. The message names the long-call method, its caller, and where each held
 * connection was acquired.
 */
public final class ConnectionHeldDuringLongCallException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public ConnectionHeldDuringLongCallException(String message) {
    super(message);
  }
}
