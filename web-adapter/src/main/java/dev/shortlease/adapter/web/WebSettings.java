package dev.shortlease.adapter.web;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the HTTP adapter.
 *
 * @param adminToken the bearer token of the {@code /admin} endpoints
 * @param maxBodyBytes larger request bodies are refused with 413
 * @param pingInterval how often an idle event stream sends {@code event: ping} (Dify: 10 s)
 * @param blockingTimeout the absolute deadline of every answer, streaming or blocking: above the
 *     execution time limit plus the final save's retry window, so only a run that died without its
 *     terminal event ever meets it
 * @param inputsLimits the caps of a chat request's {@code inputs}
 * @param corsAllowOrigins the origins a browser may call {@code /v1} from: {@code *} (Dify's
 *     default) or exact origins such as {@code https://chat.example.com}; empty = no CORS headers
 */
public record WebSettings(
    String adminToken,
    int maxBodyBytes,
    Duration pingInterval,
    Duration blockingTimeout,
    InputsLimits inputsLimits,
    List<String> corsAllowOrigins) {

  public static final int DEFAULT_MAX_BODY_BYTES = 1_048_576;
  public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(10);
  public static final List<String> DEFAULT_CORS_ALLOW_ORIGINS = List.of("*");

  public WebSettings {
    Objects.requireNonNull(adminToken, "adminToken");
    if (adminToken.length() < 16) {
      throw new IllegalArgumentException("the admin token must be at least 16 characters");
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
    }
    requirePositive(pingInterval, "pingInterval");
    requirePositive(blockingTimeout, "blockingTimeout");
    Objects.requireNonNull(inputsLimits, "inputsLimits");
    corsAllowOrigins = List.copyOf(corsAllowOrigins);
  }

  public WebSettings(
      String adminToken,
      int maxBodyBytes,
      Duration pingInterval,
      Duration blockingTimeout,
      InputsLimits inputsLimits) {
    this(
        adminToken,
        maxBodyBytes,
        pingInterval,
        blockingTimeout,
        inputsLimits,
        DEFAULT_CORS_ALLOW_ORIGINS);
  }

  public WebSettings(
      String adminToken, int maxBodyBytes, Duration pingInterval, Duration blockingTimeout) {
    this(adminToken, maxBodyBytes, pingInterval, blockingTimeout, InputsLimits.DEFAULTS);
  }

  public WebSettings(String adminToken) {
    this(adminToken, DEFAULT_MAX_BODY_BYTES, DEFAULT_PING_INTERVAL, Duration.ofMinutes(11));
  }

  public WebSettings withCorsAllowOrigins(List<String> origins) {
    return new WebSettings(
        adminToken, maxBodyBytes, pingInterval, blockingTimeout, inputsLimits, origins);
  }

  public WebSettings withPingInterval(Duration interval) {
    return new WebSettings(
        adminToken, maxBodyBytes, interval, blockingTimeout, inputsLimits, corsAllowOrigins);
  }

  public WebSettings withBlockingTimeout(Duration timeout) {
    return new WebSettings(
        adminToken, maxBodyBytes, pingInterval, timeout, inputsLimits, corsAllowOrigins);
  }

  public WebSettings withMaxBodyBytes(int bytes) {
    return new WebSettings(
        adminToken, bytes, pingInterval, blockingTimeout, inputsLimits, corsAllowOrigins);
  }

  /** Never prints the token. */
  @Override
  public String toString() {
    return ("WebSettings[maxBodyBytes=%d, pingInterval=%s, blockingTimeout=%s, inputsLimits=%s,"
            + " corsAllowOrigins=%s]")
        .formatted(maxBodyBytes, pingInterval, blockingTimeout, inputsLimits, corsAllowOrigins);
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
