package dev.shortlease.application.port.out;

/**
 * How a model call failed, in the application's words. The web adapter maps each kind to the error
 * code and HTTP status its API uses; the LLM adapter decides the kind from the provider's answer.
 */
public enum ModelErrorKind {
  /** Bad or missing credentials, unknown model: the provider is not usable as configured. */
  NOT_CONFIGURED,
  /** The account's quota is used up. */
  QUOTA_EXCEEDED,
  /** Too many requests (HTTP 429): retrying later may work. */
  RATE_LIMITED,
  /** Anything else: server errors, malformed stream, cut connection, timeouts. */
  REQUEST_FAILED
}
