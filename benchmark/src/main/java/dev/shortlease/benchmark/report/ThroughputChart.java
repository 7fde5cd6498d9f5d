package dev.shortlease.benchmark.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardXYItemLabelGenerator;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Benchmark report: throughput and p99 latency against concurrency, every mode of the run side by
 * side (one series per mode and model latency), as a PNG (JFreeChart, headless). Log scales,
 * because held mode's throughput is orders of magnitude below scoped.
 */
public final class ThroughputChart {

  private static final Map<String, Color> COLORS =
      Map.of(
          "scoped", new Color(0x1b7837),
          "floor", new Color(0x2166ac),
          "held", new Color(0xb2182b),
          "spring-osiv", new Color(0xe08214),
          "spring-osiv-body", new Color(0x8c510a));
  private static final Color OTHER = new Color(0x762a83);
  private static final Color IDEAL = new Color(0x777777);

  private ThroughputChart() {}

  public static void writePng(List<PointResult> points, String subtitle, Path file)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    LogAxis concurrency = decades("concurrent clients C (log)");
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(concurrency);
    plot.add(throughputPlot(points), 3);
    plot.add(latencyPlot(points), 2);
    JFreeChart chart =
        new JFreeChart(
            "shortlease: scoped sessions, the floor, and connection-per-request",
            JFreeChart.DEFAULT_TITLE_FONT,
            plot,
            true);
    chart.addSubtitle(new org.jfree.chart.title.TextTitle(subtitle, new Font("SansSerif", 0, 12)));
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 760);
  }

  private static XYPlot throughputPlot(List<PointResult> points) {
    XYSeriesCollection data = new XYSeriesCollection();
    List<String> keys = seriesKeys(points);
    keys.forEach(k -> data.addSeries(series(k, "throughput", points, PointResult::throughputPerS)));
    for (long latency : latencies(points)) {
      XYSeries ideal = new XYSeries("ideal C / L" + latencyLabel(latency, points));
      points.stream()
          .filter(p -> p.llmLatencyMs() == latency)
          .forEach(p -> ideal.addOrUpdate(p.concurrency(), p.idealThroughputPerS()));
      data.addSeries(ideal);
    }
    LogAxis axis = decades("completed chats per second (log)");
    axis.setSmallestValue(0.1);
    XYPlot plot = new XYPlot(data, null, axis, renderer(keys, data.getSeriesCount()));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return plot;
  }

  private static XYPlot latencyPlot(List<PointResult> points) {
    XYSeriesCollection data = new XYSeriesCollection();
    List<String> keys = seriesKeys(points);
    keys.forEach(k -> data.addSeries(series(k, "p99 latency", points, PointResult::latencyP99Ms)));
    NumberAxis axis = new NumberAxis("p99 latency of completed chats (ms)");
    axis.setAutoRangeIncludesZero(true);
    axis.setUpperMargin(0.15);
    XYPlot plot = new XYPlot(data, null, axis, renderer(keys, keys.size()));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return plot;
  }

  /** A base-10 log axis labelled 1, 10, 100, … rather than 10^n. */
  private static LogAxis decades(String label) {
    LogAxis axis = new LogAxis(label);
    axis.setBase(10);
    axis.setTickUnit(new NumberTickUnit(1));
    axis.setMinorTickCount(9);
    axis.setMinorTickMarksVisible(true);
    axis.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
    return axis;
  }

  /** One series per mode and latency, in the order the points came. */
  private static List<String> seriesKeys(List<PointResult> points) {
    return points.stream()
        .map(p -> p.mode() + latencyLabel(p.llmLatencyMs(), points))
        .distinct()
        .toList();
  }

  private static List<Long> latencies(List<PointResult> points) {
    return points.stream().map(PointResult::llmLatencyMs).distinct().toList();
  }

  /** Empty for the run's first latency; " (L=20 s)" for any other. */
  private static String latencyLabel(long latencyMs, List<PointResult> points) {
    return points.isEmpty() || points.get(0).llmLatencyMs() == latencyMs
        ? ""
        : " (L=%s s)".formatted(new DecimalFormat("0.#").format(latencyMs / 1000.0));
  }

  private static XYSeries series(
      String key, String what, List<PointResult> points, ToDoubleFunction<PointResult> value) {
    XYSeries series = new XYSeries(key + " " + what);
    points.stream()
        .filter(p -> (p.mode() + latencyLabel(p.llmLatencyMs(), points)).equals(key))
        .forEach(p -> series.addOrUpdate(p.concurrency(), Math.max(0.1, value.applyAsDouble(p))));
    return series;
  }

  /** Modes' series in their colours (dashed for a second latency), then the dashed ideals. */
  private static XYLineAndShapeRenderer renderer(List<String> keys, int seriesCount) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    // Values printed at the points: the chart is read for its numbers, not only its shape.
    renderer.setDefaultItemLabelGenerator(
        new StandardXYItemLabelGenerator("{2}", new DecimalFormat("0"), new DecimalFormat("0.#")));
    float[] dash = {6f, 4f};
    for (int i = 0; i < seriesCount; i++) {
      if (i < keys.size()) {
        String key = keys.get(i);
        String mode = key.contains(" ") ? key.substring(0, key.indexOf(' ')) : key;
        renderer.setSeriesItemLabelsVisible(i, true);
        renderer.setSeriesPaint(i, COLORS.getOrDefault(mode, OTHER));
        renderer.setSeriesStroke(
            i,
            key.equals(mode)
                ? new BasicStroke(2.5f)
                : new BasicStroke(
                    2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
      } else {
        renderer.setSeriesPaint(i, IDEAL);
        renderer.setSeriesStroke(
            i, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
      }
    }
    return renderer;
  }
}
