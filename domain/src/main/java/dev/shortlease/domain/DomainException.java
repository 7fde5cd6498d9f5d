package dev.shortlease.domain;

/** Base of the domain's own errors; adapters translate them to their protocol (HTTP, events). */
public abstract class DomainException extends RuntimeException {
  protected DomainException(String message) {
    super(message);
  }

  protected DomainException(String message, Throwable cause) {
    super(message, cause);
  }
}
