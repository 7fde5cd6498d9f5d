package dev.shortlease.guardrails.guard;

import java.util.Locale;

/**
 * How the long-call guard reacts to a connection held when a long call starts: {@link #STRICT}
 * throws (tests, and production once clean), {@link #WARN} logs once per call site and counts every
 * time (while a team migrates), {@link #OFF} checks nothing.
 */
public enum GuardMode {
  OFF,
  WARN,
  STRICT;

  /** Parses a setting such as {@code GUARD_MODE=warn}, ignoring case; blank means strict. */
  public static GuardMode fromSetting(String value) {
    if (value == null || value.isBlank()) {
      return STRICT;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "guard mode must be off, warn or strict, was '" + value + "'", e);
    }
  }
}
