package dev.shortlease.application.port.in;

import dev.shortlease.domain.InvalidInputException;

/** Dify's {@code response_mode}: the whole answer at once, or server-sent events as it grows. */
public enum ResponseMode {
  BLOCKING,
  STREAMING;

  /** Parses the wire value; Dify defaults to blocking when the field is absent. */
  public static ResponseMode fromWire(String value) {
    if (value == null || value.isBlank() || value.equals("blocking")) {
      return BLOCKING;
    }
    if (value.equals("streaming")) {
      return STREAMING;
    }
    throw new InvalidInputException("response_mode", "must be blocking or streaming");
  }
}
