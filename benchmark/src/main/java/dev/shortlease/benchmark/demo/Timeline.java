package dev.shortlease.benchmark.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Demonstration: one chat of one style on a time axis, as recorded: each connection lease and each
 * model call between the request's start and its end.
 *
 * @param style the style's label
 * @param startNanos when the client sent the chat
 * @param endNanos when its stream ended
 * @param spans leases ({@code connection}) and model calls ({@code model}), in start order
 */
record Timeline(String style, long startNanos, long endNanos, List<Span> spans) {

  /** One interval on the axis. */
  record Span(String kind, long startNanos, long endNanos) {
    long millis() {
      return (endNanos - startNanos) / 1_000_000;
    }
  }

  static Timeline of(String style, long start, long end, List<Span> leases, List<Span> calls) {
    List<Span> spans = new ArrayList<>(leases);
    spans.addAll(calls);
    long grace = 50_000_000; // the final save may still be committing as the client reads the end
    spans.removeIf(span -> span.endNanos() < start || span.startNanos() > end + grace);
    spans.sort(Comparator.comparingLong(Span::startNanos));
    return new Timeline(style, start, end, List.copyOf(spans));
  }

  long millis() {
    return (endNanos - startNanos) / 1_000_000;
  }

  /** Milliseconds during which a lease and a model call overlapped: the rule R3 breach. */
  long overlapMillis() {
    long overlap = 0;
    for (Span lease : spans) {
      if (!lease.kind().equals("connection")) {
        continue;
      }
      for (Span call : spans) {
        if (call.kind().equals("model")) {
          long from = Math.max(lease.startNanos(), call.startNanos());
          long to = Math.min(lease.endNanos(), call.endNanos());
          overlap += Math.max(0, to - from);
        }
      }
    }
    return overlap / 1_000_000;
  }
}
