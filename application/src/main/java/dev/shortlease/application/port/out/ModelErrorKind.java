package dev.shortlease.application.port.out;

/** Model failures as Dify names them, so the API reports them the same way. */
public enum ModelErrorKind {
  /** Bad or missing credentials, unknown model: the provider is not usable as configured. */
  PROVIDER_NOT_INITIALIZE("provider_not_initialize"),
  /** The account's quota is used up. */
  PROVIDER_QUOTA_EXCEEDED("provider_quota_exceeded"),
  /** Too many requests (HTTP 429). */
  RATE_LIMIT_ERROR("rate_limit_error"),
  /** Anything else: server errors, malformed stream, cut connection, timeouts. */
  COMPLETION_REQUEST_ERROR("completion_request_error");

  private final String code;

  ModelErrorKind(String code) {
    this.code = code;
  }

  /** Dify's error code. */
  public String code() {
    return code;
  }
}
