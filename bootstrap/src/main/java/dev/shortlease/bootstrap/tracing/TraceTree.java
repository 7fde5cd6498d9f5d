package dev.shortlease.bootstrap.tracing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tracing: spans as an indented text tree, one line each — start offset and duration in ms from the
 * trace's first span, name, the attributes worth reading — for the docs' example trace and for test
 * failure messages.
 */
public final class TraceTree {
  private static final List<String> SHOWN =
      List.of(
          "http.response.status_code",
          "gen_ai.provider.name",
          "gen_ai.usage.input_tokens",
          "gen_ai.usage.output_tokens",
          "gen_ai.response.finish_reasons",
          "gen_ai.tool.name",
          "error.type",
          "shortlease.connection.id",
          "thread.name");

  private TraceTree() {}

  /**
   * Every trace among {@code spans}, each from its root (a span whose parent is not among them).
   */
  public static String render(List<RecordedSpan> spans) {
    Set<String> ids = new HashSet<>();
    Map<String, List<RecordedSpan>> children = new HashMap<>();
    for (RecordedSpan span : spans) {
      ids.add(span.spanId());
    }
    List<RecordedSpan> roots = new ArrayList<>();
    for (RecordedSpan span : spans) {
      if (ids.contains(span.parentSpanId())) {
        children.computeIfAbsent(span.parentSpanId(), id -> new ArrayList<>()).add(span);
      } else {
        roots.add(span);
      }
    }
    StringBuilder out = new StringBuilder();
    roots.sort(Comparator.comparingLong(RecordedSpan::startEpochNanos));
    for (RecordedSpan root : roots) {
      append(out, root, root.startEpochNanos(), 0, children);
    }
    return out.toString();
  }

  private static void append(
      StringBuilder out,
      RecordedSpan span,
      long origin,
      int depth,
      Map<String, List<RecordedSpan>> children) {
    out.append(
        String.format(
            Locale.ROOT,
            "%7.1f %7.1f ms  %s%s",
            (span.startEpochNanos() - origin) / 1e6,
            span.durationMillis(),
            "  ".repeat(depth),
            span.name()));
    List<String> shown = new ArrayList<>();
    for (String key : SHOWN) {
      String value = span.attributes().get(key);
      if (value != null) {
        shown.add(key + "=" + value);
      }
    }
    if (!shown.isEmpty()) {
      out.append("  {").append(String.join(", ", shown)).append('}');
    }
    for (String event : span.events()) {
      out.append("  !").append(event);
    }
    out.append('\n');
    List<RecordedSpan> mine = new ArrayList<>(children.getOrDefault(span.spanId(), List.of()));
    mine.sort(Comparator.comparingLong(RecordedSpan::startEpochNanos));
    for (RecordedSpan child : mine) {
      append(out, child, origin, depth + 1, children);
    }
  }
}
