package dev.shortlease.adapter.web;

import java.util.Objects;

/** Ends a request with {@link #error()}; thrown by the adapter's own checks. */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient ApiError error;

  ApiException(ApiError error) {
    super(error.message(), null, false, false);
    this.error = Objects.requireNonNull(error, "error");
  }

  ApiError error() {
    return error;
  }
}
