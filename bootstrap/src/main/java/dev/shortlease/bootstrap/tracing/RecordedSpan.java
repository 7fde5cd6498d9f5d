package dev.shortlease.bootstrap.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tracing: one ended span as {@link RecentSpans} keeps it, in plain values (no OpenTelemetry type),
 * so a page or a port can hand it on as it is.
 *
 * @param kind what the span covers, the {@code shortlease.span} attribute ({@code server}, {@code
 *     transaction}, {@code lease}, {@code model}, {@code tool}) or {@code other}
 * @param parentSpanId empty for a root span
 * @param attributes every attribute, its value as text
 * @param events the names of the span's events (a guard violation is {@code guard.violation})
 */
public record RecordedSpan(
    String traceId,
    String spanId,
    String parentSpanId,
    String name,
    String kind,
    long startEpochNanos,
    long endEpochNanos,
    boolean failed,
    Map<String, String> attributes,
    List<String> events) {

  public RecordedSpan {
    attributes = Map.copyOf(attributes);
    events = List.copyOf(events);
  }

  /** {@code span} in plain values. */
  public static RecordedSpan of(SpanData span) {
    Map<String, String> attributes = new LinkedHashMap<>();
    span.getAttributes()
        .forEach((key, value) -> attributes.put(key.getKey(), String.valueOf(value)));
    String parent = span.getParentSpanContext().isValid() ? span.getParentSpanId() : "";
    return new RecordedSpan(
        span.getTraceId(),
        span.getSpanId(),
        parent,
        span.getName(),
        kindOf(span),
        span.getStartEpochNanos(),
        span.getEndEpochNanos(),
        span.getStatus().getStatusCode() == StatusCode.ERROR,
        attributes,
        span.getEvents().stream().map(EventData::getName).toList());
  }

  private static String kindOf(SpanData span) {
    String kind = span.getAttributes().get(SemConv.SHORTLEASE_SPAN);
    return kind == null ? "other" : kind;
  }

  /** Milliseconds from start to end. */
  public double durationMillis() {
    return (endEpochNanos - startEpochNanos) / 1e6;
  }

  /** True when this span's time overlaps {@code other}'s (touching ends do not count). */
  public boolean overlaps(RecordedSpan other) {
    return startEpochNanos < other.endEpochNanos && other.startEpochNanos < endEpochNanos;
  }

  /** The attribute {@code key}, or null. */
  public String attribute(AttributeKey<?> key) {
    return attributes.get(key.getKey());
  }
}
