package dev.shortlease.application.port.out;

import java.util.Objects;

/** A model call failed; {@link #kind()} says how. */
public final class ModelException extends RuntimeException {
  private final ModelErrorKind kind;

  public ModelException(ModelErrorKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public ModelException(ModelErrorKind kind, String message) {
    this(kind, message, null);
  }

  public ModelErrorKind kind() {
    return kind;
  }
}
