package dev.shortlease.bootstrap.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Tracing: the last {@code capacity} ended spans, kept in memory for a timeline of recent chats
 * (each connection lease and each model call on one time axis). A span processor, so it sees
 * exactly what an exporter sees; a bounded ring, so memory stays fixed whatever the load. Writing
 * is one immutable snapshot in one array slot per ended span, lock-free; reading copies the ring
 * into plain {@link RecordedSpan}s.
 */
public final class RecentSpans implements SpanProcessor {
  /** Enough for the last few hundred chats (about eight spans each). */
  public static final int DEFAULT_CAPACITY = 4096;

  // SpanData, turned into RecordedSpan only when read: recording stays one snapshot per span
  private final AtomicReferenceArray<SpanData> ring;
  private final AtomicLong written = new AtomicLong();

  public RecentSpans(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.ring = new AtomicReferenceArray<>(capacity);
  }

  public RecentSpans() {
    this(DEFAULT_CAPACITY);
  }

  /** Every span still in the ring, oldest start first. */
  public List<RecordedSpan> snapshot() {
    return since(Long.MIN_VALUE);
  }

  /** The spans in the ring that ended at or after {@code epochNanos}, oldest start first. */
  public List<RecordedSpan> since(long epochNanos) {
    List<RecordedSpan> spans = new ArrayList<>(ring.length());
    for (int i = 0; i < ring.length(); i++) {
      SpanData span = ring.get(i);
      if (span != null && span.getEndEpochNanos() >= epochNanos) {
        spans.add(RecordedSpan.of(span));
      }
    }
    spans.sort(Comparator.comparingLong(RecordedSpan::startEpochNanos));
    return spans;
  }

  /** How many spans ended since the start (the ring keeps the last {@code capacity}). */
  public long recorded() {
    return written.get();
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {}

  @Override
  public boolean isStartRequired() {
    return false;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    int slot = (int) Math.floorMod(written.getAndIncrement(), (long) ring.length());
    ring.set(slot, span.toSpanData());
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
