package dev.shortlease.guardrails.guard;

import java.util.Locale;

/**
 * When a {@link ConnectionTracker} records where each connection was taken. Recording walks the
 * taking thread's stack on every checkout, a few microseconds each: about 2 % of a busy service's
 * CPU in a profile (ADR 0057). Detection never needs the stack, only the reports do.
 */
public enum AcquiringStacks {
  /** Every checkout records its stack: every report shows where its connection was taken. */
  EVERY_CHECKOUT,
  /**
   * No checkout records a stack until the tracker first describes a connection taken without one (a
   * guard violation, a leak, a long hold, an operator's listing); from then on every checkout does.
   * The first report names the connection, its thread and held time, and where that thread is now,
   * not where it took the connection; those after it have the acquiring stack too.
   */
  AFTER_FIRST_REPORT;

  /**
   * Parses a setting such as {@code every-checkout} or {@code AFTER_FIRST_REPORT}, ignoring case;
   * blank means {@link #EVERY_CHECKOUT}.
   */
  public static AcquiringStacks fromSetting(String value) {
    if (value == null || value.isBlank()) {
      return EVERY_CHECKOUT;
    }
    try {
      return valueOf(value.trim().replace('-', '_').toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "acquiring stacks must be every-checkout or after-first-report, was '" + value + "'", e);
    }
  }
}
