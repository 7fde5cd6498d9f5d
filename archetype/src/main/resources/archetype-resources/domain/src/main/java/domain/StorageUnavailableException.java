package ${package}.domain;

/**
 * The database could not serve in time: no pooled connection within {@code
 * DB_CONNECTION_TIMEOUT_MS}. Nothing is wrong with the request; the web adapter answers 503 with
 * {@code Retry-After}, so a client tries again in a moment instead of reporting a bug.
 */
public class StorageUnavailableException extends RuntimeException {
  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
