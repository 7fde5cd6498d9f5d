package dev.shortlease.bootstrap.guard;

import java.util.Locale;

/**
 * How the long-call guard reacts to a connection held across a long call (rule R3): {@link #STRICT}
 * throws (all tests), {@link #WARN} logs and counts (a production choice while a team migrates).
 */
public enum GuardMode {
  STRICT,
  WARN;

  /** Parses a setting such as {@code GUARD_MODE=warn}; blank means {@link #STRICT}. */
  public static GuardMode fromSetting(String value) {
    if (value == null || value.isBlank()) {
      return STRICT;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "guard mode must be strict or warn, was '" + value + "'", e);
    }
  }
}
