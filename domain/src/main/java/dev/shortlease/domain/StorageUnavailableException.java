package dev.shortlease.domain;

/**
 * Storage could not serve in time (for example, no pooled connection within the acquire timeout).
 * Callers should retry later; the HTTP adapter answers 503 with {@code Retry-After}.
 */
public final class StorageUnavailableException extends DomainException {
  private final boolean noConnection;

  public StorageUnavailableException(String message, Throwable cause) {
    this(message, cause, false);
  }

  /**
   * @param noConnection no connection was lent in time: nothing ran, so the work may be tried again
   */
  public StorageUnavailableException(String message, Throwable cause, boolean noConnection) {
    super(message, cause);
    this.noConnection = noConnection;
  }

  /** True when no connection was lent in time, so none of the work ran. */
  public boolean noConnection() {
    return noConnection;
  }
}
