package dev.shortlease.adapter.web;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the failed-authentication throttle (docs/limits.md).
 *
 * @param failureLimit failed authentications one client address may make within {@code window}
 *     before its requests are refused with 429 until the window ends ({@code 0} = no throttle)
 * @param window the counting window
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} is believed;
 *     empty (the default): the header is ignored and the peer address is the client's
 */
public record AuthThrottleSettings(int failureLimit, Duration window, Set<String> trustedProxies) {
  public static final int DEFAULT_FAILURE_LIMIT = 20;
  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);
  public static final AuthThrottleSettings DEFAULTS =
      new AuthThrottleSettings(DEFAULT_FAILURE_LIMIT, DEFAULT_WINDOW, Set.of());

  public AuthThrottleSettings {
    if (failureLimit < 0) {
      throw new IllegalArgumentException("failureLimit must be 0 (off) or more");
    }
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive");
    }
    trustedProxies = Set.copyOf(trustedProxies);
  }
}
