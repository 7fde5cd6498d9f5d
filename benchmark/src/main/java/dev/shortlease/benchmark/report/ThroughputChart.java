package dev.shortlease.benchmark.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
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
    LogAxis concurrency = new LogAxis("concurrent clients (C)");
    concurrency.setBase(10);
    concurrency.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
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
    LogAxis axis = new LogAxis("chats per second (log)");
    axis.setBase(10);
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
    XYPlot plot = new XYPlot(data, null, axis, renderer(false));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return plot;
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
