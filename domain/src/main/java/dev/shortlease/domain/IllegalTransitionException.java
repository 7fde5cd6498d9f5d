package dev.shortlease.domain;

/** A state change the domain forbids, such as a finished message going back to running. */
public final class IllegalTransitionException extends DomainException {
  public IllegalTransitionException(String message) {
    super(message);
  }
}
