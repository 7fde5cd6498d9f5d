package dev.shortlease.bootstrap.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import java.lang.reflect.Method;

/**
 * Tracing: one span per call of a storage port ({@code domain.port}), named by the port method
 * ({@code StartTurnPort.startTurn}). Each such call is one short transaction (rule R1), so these
 * are the chat flow's T1–T4; a call answered from a cache (T1 within the app cache's TTL) has no
 * connection lease under it.
 */
final class PortSpans implements SpanProxy.Spans {
  private final Tracer tracer;
  private final Class<?> port;

  private PortSpans(Tracer tracer, Class<?> port) {
    this.tracer = tracer;
    this.port = port;
  }

  static <T> T wrap(Class<T> port, T delegate, Tracer tracer) {
    return SpanProxy.wrap(port, delegate, new PortSpans(tracer, port));
  }

  @Override
  public Span start(Method method, Object[] args) {
    String name = port.getSimpleName() + "." + method.getName();
    return tracer
        .spanBuilder(name)
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute(SemConv.SHORTLEASE_SPAN, "transaction")
        .setAttribute(SemConv.CODE_FUNCTION_NAME, port.getName() + "." + method.getName())
        .startSpan();
  }
}
