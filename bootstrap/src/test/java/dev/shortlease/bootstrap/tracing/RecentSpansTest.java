package dev.shortlease.bootstrap.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecentSpansTest {

  @Test
  @DisplayName("keeps the last spans that ended, oldest start first, with parents and attributes")
  void keepsTheLastSpansInOrder() {
    RecentSpans recent = new RecentSpans(3);
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(recent).build()) {
      Tracer tracer = provider.get("test");
      IntStream.range(0, 4).forEach(i -> tracer.spanBuilder("old " + i).startSpan().end());
      Span parent = tracer.spanBuilder("parent").startSpan();
      try (Scope ignored = parent.makeCurrent()) {
        tracer
            .spanBuilder("connection lease")
            .setAttribute(SemConv.SHORTLEASE_SPAN, "lease")
            .startSpan()
            .end();
      }
      parent.end();
    }

    assertThat(recent.recorded()).isEqualTo(6);
    assertThat(recent.snapshot())
        .extracting(RecordedSpan::name)
        .containsExactly("old 3", "parent", "connection lease");
    RecordedSpan lease = recent.snapshot().get(2);
    RecordedSpan parent = recent.snapshot().get(1);
    assertThat(lease.kind()).isEqualTo("lease");
    assertThat(parent.kind()).isEqualTo("other");
    assertThat(lease.parentSpanId()).isEqualTo(parent.spanId());
    assertThat(parent.parentSpanId()).isEmpty();
    assertThat(lease.traceId()).isEqualTo(parent.traceId());
    assertThat(recent.since(parent.endEpochNanos() + 1)).isEmpty();
  }
}
