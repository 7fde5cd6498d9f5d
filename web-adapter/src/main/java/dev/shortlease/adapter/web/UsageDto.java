package dev.shortlease.adapter.web;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.shortlease.domain.TokenUsage;
import java.io.IOException;
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

  /** Writes the object as the mapper writes the record (its order), for {@link EventWriter}. */
  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("prompt_tokens", promptTokens);
    g.writeStringField("prompt_unit_price", promptUnitPrice);
    g.writeStringField("prompt_price_unit", promptPriceUnit);
    g.writeStringField("prompt_price", promptPrice);
    g.writeNumberField("completion_tokens", completionTokens);
    g.writeStringField("completion_unit_price", completionUnitPrice);
    g.writeStringField("completion_price_unit", completionPriceUnit);
    g.writeStringField("completion_price", completionPrice);
    g.writeNumberField("total_tokens", totalTokens);
    g.writeStringField("total_price", totalPrice);
    g.writeStringField("currency", currency);
    g.writeNumberField("latency", latency);
    g.writeEndObject();
  }
}
