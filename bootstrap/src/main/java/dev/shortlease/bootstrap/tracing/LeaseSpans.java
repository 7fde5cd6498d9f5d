package dev.shortlease.bootstrap.tracing;

import dev.shortlease.adapter.persistence.PersistenceContext;
import dev.shortlease.guardrails.guard.GuardMode;
import dev.shortlease.guardrails.guard.LeaseObserver;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * Tracing: a span from each pooled connection's checkout to its return, told by the connection
 * guard's tracker, so every lease has one (the chat's transactions, housekeeping's probes, a
 * held-session variant's whole-request lease alike); and each long-call guard violation as a {@code
 * guard.violation} event on the span current where it happened.
 */
final class LeaseSpans implements LeaseObserver {
  private final Tracer tracer;

  LeaseSpans(Tracer tracer) {
    this.tracer = tracer;
  }

  @Override
  public Lease checkedOut(String tracker, String connectionId) {
    Span span =
        tracer
            .spanBuilder("connection lease")
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute(SemConv.SHORTLEASE_SPAN, "lease")
            .setAttribute(SemConv.DB_POOL_NAME, tracker)
            .setAttribute(SemConv.CONNECTION_ID, connectionId)
            .setAttribute(SemConv.THREAD_NAME, Thread.currentThread().getName())
            .setAttribute(SemConv.CALLER_THREAD_NAME, PersistenceContext.callingThread().getName())
            .startSpan();
    return span::end;
  }

  /** The lease's span gets the caller's span as parent on whichever thread takes the lease. */
  @Override
  public Runnable propagate(Runnable task) {
    return Context.current().wrap(task);
  }

  @Override
  public void violation(String longCall, String caller, GuardMode mode, int held) {
    Span.current()
        .addEvent(
            SemConv.GUARD_VIOLATION_EVENT,
            Attributes.builder()
                .put(SemConv.GUARD_LONG_CALL, longCall)
                .put(SemConv.GUARD_CALLER, caller)
                .put(SemConv.GUARD_MODE, mode.name().toLowerCase(java.util.Locale.ROOT))
                .put(SemConv.GUARD_HELD_CONNECTIONS, (long) held)
                .build());
  }
}
