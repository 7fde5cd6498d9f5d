package dev.shortlease.adapter.web;

import dev.shortlease.domain.TokenUsage;
import java.time.Duration;

/**
 * Dify's {@code usage} object. Prices are strings in Dify; this service does not price tokens, so
 * they are zero (clients that parse them keep working).
 */
record UsageDto(
    int promptTokens,
    String promptUnitPrice,
    String promptPriceUnit,
    String promptPrice,
    int completionTokens,
    String completionUnitPrice,
    String completionPriceUnit,
    String completionPrice,
    int totalTokens,
    String totalPrice,
    String currency,
    double latency) {

  static UsageDto of(TokenUsage usage, Duration latency) {
    return new UsageDto(
        usage.promptTokens(),
        "0",
        "0.001",
        "0",
        usage.completionTokens(),
        "0",
        "0.001",
        "0",
        usage.totalTokens(),
        "0",
        "USD",
        seconds(latency));
  }

  static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
