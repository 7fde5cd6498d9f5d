package dev.shortlease.benchmark.demo;

import java.util.List;
import java.util.Locale;

/**
 * Demonstration: draws recorded {@link Timeline}s, as text for the terminal and as an SVG picture.
 * All timelines share one scale (the longest chat), so the two styles compare at a glance.
 */
final class TimelineChart {

  private static final int COLUMNS = 60;
  private static final int WIDTH = 760;
  private static final int LABEL = 150;
  private static final int ROW = 22;

  private TimelineChart() {}

  static String text(List<Timeline> timelines) {
    double scale = COLUMNS / (double) longest(timelines);
    StringBuilder out = new StringBuilder();
    for (Timeline timeline : timelines) {
      out.append(timeline.style())
          .append(" (one chat, ")
          .append(timeline.millis())
          .append(" ms)\n");
      for (Timeline.Span span : timeline.spans()) {
        int from = (int) ((span.startNanos() - timeline.startNanos()) / 1e6 * scale);
        int length = Math.max(1, (int) Math.round(span.millis() * scale));
        from = Math.min(from, COLUMNS - 1);
        length = Math.min(length, COLUMNS - from);
        char mark = span.kind().equals("model") ? '~' : '#';
        out.append(String.format(Locale.ROOT, "  %-11s|", span.kind()))
            .append(" ".repeat(from))
            .append(String.valueOf(mark).repeat(length))
            .append(" ".repeat(COLUMNS - from - length))
            .append(String.format(Locale.ROOT, "| %5d ms%n", span.millis()));
      }
    }
    return out.toString();
  }

  static String svg(List<Timeline> timelines) {
    long longest = longest(timelines);
    double scale = (WIDTH - LABEL - 20) / (double) longest;
    int rows = timelines.stream().mapToInt(t -> t.spans().size() + 2).sum();
    int height = rows * ROW + 40;
    StringBuilder svg = new StringBuilder();
    svg.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                    + " font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH,
                height))
        .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    int y = 10;
    for (Timeline timeline : timelines) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"4\" y=\"%d\" font-weight=\"bold\">%s: one chat, %d ms, connection held"
                  + " during the model call: %d ms</text>%n",
              y + 14,
              escape(timeline.style()),
              timeline.millis(),
              timeline.overlapMillis()));
      y += ROW;
      for (Timeline.Span span : timeline.spans()) {
        double x = LABEL + (span.startNanos() - timeline.startNanos()) / 1e6 * scale;
        double w = Math.max(2, span.millis() * scale);
        boolean model = span.kind().equals("model");
        svg.append(
                String.format(
                    Locale.ROOT,
                    "<text x=\"14\" y=\"%d\">%s</text>%n",
                    y + 14,
                    model ? "model call" : "connection lease"))
            .append(
                String.format(
                    Locale.ROOT,
                    "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"%s\">"
                        + "<title>%d ms</title></rect>%n",
                    span.kind(),
                    x,
                    y + 3,
                    w,
                    model ? "#7aa6d8" : "#d0643c",
                    span.millis()));
        y += ROW;
      }
      y += ROW;
    }
    svg.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" fill=\"#555\">time axis: 0 to %d ms, same scale for both"
                    + "</text>%n",
                LABEL,
                y,
                longest))
        .append("</svg>\n");
    return svg.toString();
  }

  private static long longest(List<Timeline> timelines) {
    return Math.max(1, timelines.stream().mapToLong(Timeline::millis).max().orElse(1));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;");
  }
}
