package dev.shortlease.application;

import java.time.Duration;
import java.util.Objects;

/**
 * How much model work may run at once, and how fresh readiness must be (docs/limits.md).
 *
 * @param appMaxActiveRequests chats and {@code /suggested} calls one app may run at once on this
 *     instance, unless the app sets its own ({@code 0} = unlimited; Dify's {@code
 *     APP_MAX_ACTIVE_REQUESTS}, default 0)
 * @param endUserMaxActiveRequests the same for one end user of an app ({@code 0} = unlimited;
 *     default 10)
 * @param sideCalls model calls that are not answers — {@code /suggested} and conversation naming —
 *     running at once on this instance (default 8); beyond it {@code /suggested} gets 429 and a
 *     name falls back to the first query
 * @param sideCallTimeLimit longest such a call may take before it is stopped (default 10 s)
 * @param readinessProbeInterval how often a background probe checks the database for {@code
 *     /health/ready} (default 2 s); readiness answers from its last result
 */
public record LimitSettings(
    int appMaxActiveRequests,
    int endUserMaxActiveRequests,
    int sideCalls,
    Duration sideCallTimeLimit,
    Duration readinessProbeInterval) {

  public static final int DEFAULT_APP_MAX_ACTIVE_REQUESTS = 0;
  public static final int DEFAULT_END_USER_MAX_ACTIVE_REQUESTS = 10;
  public static final int DEFAULT_SIDE_CALLS = 8;
  public static final Duration DEFAULT_SIDE_CALL_TIME_LIMIT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READINESS_PROBE_INTERVAL = Duration.ofSeconds(2);

  public static final LimitSettings DEFAULTS =
      new LimitSettings(
          DEFAULT_APP_MAX_ACTIVE_REQUESTS,
          DEFAULT_END_USER_MAX_ACTIVE_REQUESTS,
          DEFAULT_SIDE_CALLS,
          DEFAULT_SIDE_CALL_TIME_LIMIT,
          DEFAULT_READINESS_PROBE_INTERVAL);

  public LimitSettings {
    if (appMaxActiveRequests < 0 || endUserMaxActiveRequests < 0) {
      throw new IllegalArgumentException("active-request limits must be 0 (unlimited) or more");
    }
    if (sideCalls < 1) {
      throw new IllegalArgumentException("sideCalls must be at least 1");
    }
    requirePositive(sideCallTimeLimit, "sideCallTimeLimit");
    requirePositive(readinessProbeInterval, "readinessProbeInterval");
  }

  public LimitSettings withActiveRequests(int perApp, int perEndUser) {
    return new LimitSettings(
        perApp, perEndUser, sideCalls, sideCallTimeLimit, readinessProbeInterval);
  }

  public LimitSettings withSideCalls(int calls, Duration timeLimit) {
    return new LimitSettings(
        appMaxActiveRequests, endUserMaxActiveRequests, calls, timeLimit, readinessProbeInterval);
  }

  public LimitSettings withReadinessProbeInterval(Duration interval) {
    return new LimitSettings(
        appMaxActiveRequests, endUserMaxActiveRequests, sideCalls, sideCallTimeLimit, interval);
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
