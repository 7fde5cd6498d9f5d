package dev.shortlease.domain;

/**
 * Storage could not serve in time (for example, no pooled connection within the acquire timeout).
 * Callers should retry later; the HTTP adapter answers 503 with {@code Retry-After}.
 */
public final class StorageUnavailableException extends DomainException {
  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
