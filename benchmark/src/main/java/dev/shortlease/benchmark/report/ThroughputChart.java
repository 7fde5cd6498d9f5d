package dev.shortlease.benchmark.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
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
 * Benchmark report: throughput and p99 latency against concurrency, both modes, as a PNG
 * (JFreeChart, headless). Log scales, because held mode's throughput is orders of magnitude below
 * scoped.
 */
public final class ThroughputChart {

  private static final Color SCOPED = new Color(0x1b7837);
  private static final Color HELD = new Color(0xb2182b);
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
            "shortlease: scoped sessions vs held session",
            JFreeChart.DEFAULT_TITLE_FONT,
            plot,
            true);
    chart.addSubtitle(new org.jfree.chart.title.TextTitle(subtitle, new Font("SansSerif", 0, 12)));
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 760);
  }

  private static XYPlot throughputPlot(List<PointResult> points) {
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(series("scoped throughput", points, "scoped", PointResult::throughputPerS));
    data.addSeries(series("held throughput", points, "held", PointResult::throughputPerS));
    XYSeries ideal = new XYSeries("ideal C / L");
    points.forEach(p -> ideal.addOrUpdate(p.concurrency(), p.idealThroughputPerS()));
    data.addSeries(ideal);
    LogAxis axis = decades("completed chats per second (log)");
    axis.setSmallestValue(0.1);
    XYPlot plot = new XYPlot(data, null, axis, renderer(true));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return plot;
  }

  private static XYPlot latencyPlot(List<PointResult> points) {
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(series("scoped p99 latency", points, "scoped", PointResult::latencyP99Ms));
    data.addSeries(series("held p99 latency", points, "held", PointResult::latencyP99Ms));
    NumberAxis axis = new NumberAxis("p99 latency of completed chats (ms)");
    axis.setAutoRangeIncludesZero(true);
    axis.setUpperMargin(0.15);
    XYPlot plot = new XYPlot(data, null, axis, renderer(false));
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

  private static XYSeries series(
      String name, List<PointResult> points, String mode, ToDoubleFunction<PointResult> value) {
    XYSeries series = new XYSeries(name);
    points.stream()
        .filter(p -> p.mode().equals(mode))
        .forEach(p -> series.addOrUpdate(p.concurrency(), Math.max(0.1, value.applyAsDouble(p))));
    return series;
  }

  private static XYLineAndShapeRenderer renderer(boolean withIdeal) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    // Values printed at the points: the chart is read for its numbers, not only its shape.
    renderer.setDefaultItemLabelGenerator(
        new StandardXYItemLabelGenerator("{2}", new DecimalFormat("0"), new DecimalFormat("0.#")));
    renderer.setSeriesItemLabelsVisible(0, true);
    renderer.setSeriesItemLabelsVisible(1, true);
    renderer.setSeriesPaint(0, SCOPED);
    renderer.setSeriesPaint(1, HELD);
    renderer.setSeriesStroke(0, new BasicStroke(2.5f));
    renderer.setSeriesStroke(1, new BasicStroke(2.5f));
    if (withIdeal) {
      renderer.setSeriesPaint(2, IDEAL);
      renderer.setSeriesStroke(
          2,
          new BasicStroke(
              1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }
    return renderer;
  }
}
