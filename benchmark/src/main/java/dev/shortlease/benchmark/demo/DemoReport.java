package dev.shortlease.benchmark.demo;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Demonstration: the side-by-side table and a bar chart of chats per second, as text. */
final class DemoReport {

  private static final int BAR = 50;

  private DemoReport() {}

  static String table(DemoSettings settings, StyleResult held, StyleResult scoped) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%d concurrent chats, a pool of %d connections, %d ms of model time per answer, %d s"
                + " measured per style%n%n",
            settings.concurrency(),
            settings.poolSize(),
            settings.latency().toMillis(),
            settings.window().toSeconds()));
    out.append(
        String.format(
            Locale.ROOT, "%-34s %24s %26s%n", "", held.style().label(), scoped.style().label()));
    row(out, "chats answered per second", held, scoped, r -> fmt(r.chatsPerSecond()));
    row(out, "chats refused: no connection (503)", held, scoped, r -> Long.toString(r.refused()));
    row(out, "other errors", held, scoped, r -> Long.toString(r.otherErrors()));
    row(out, "connection time per answer (ms)", held, scoped, r -> fmt(r.leaseMillisPerChat()));
    row(
        out,
        "average wait for a connection (ms)",
        held,
        scoped,
        r -> fmt(r.waitMillisPerCheckout()));
    row(out, "longest lease (ms)", held, scoped, r -> fmt(r.pool().maxLeaseNanos() / 1e6));
    row(
        out,
        "model calls with a connection held",
        held,
        scoped,
        r -> Long.toString(r.guardViolations()));
    return out.toString();
  }

  static String bars(List<StyleResult> results) {
    double best = results.stream().mapToDouble(StyleResult::chatsPerSecond).max().orElse(1);
    StringBuilder out = new StringBuilder("chats answered per second\n");
    for (StyleResult result : results) {
      int length = best <= 0 ? 0 : (int) Math.round(result.chatsPerSecond() / best * BAR);
      out.append(String.format(Locale.ROOT, "  %-26s ", result.style().label()))
          .append("#".repeat(Math.max(length, result.chatsPerSecond() > 0 ? 1 : 0)))
          .append(String.format(Locale.ROOT, " %s%n", fmt(result.chatsPerSecond())));
    }
    return out.toString();
  }

  private static void row(
      StringBuilder out,
      String name,
      StyleResult held,
      StyleResult scoped,
      Function<StyleResult, String> value) {
    out.append(
        String.format(
            Locale.ROOT, "%-34s %24s %26s%n", name, value.apply(held), value.apply(scoped)));
  }

  private static String fmt(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
  }
}
