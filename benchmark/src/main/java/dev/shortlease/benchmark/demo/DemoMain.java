package dev.shortlease.benchmark.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * {@code ./shortlease demo}: the failure this project prevents, and the fix, in under a minute on
 * the embedded database. The same small pool and simulated model serve a few hundred concurrent
 * chats twice: first holding one connection per request (the teaching variant), then with short
 * leases (the service). Prints a side-by-side table, a bar chart and one chat of each style on a
 * time axis, and writes that timeline as an SVG picture.
 */
public final class DemoMain {

  private DemoMain() {}

  public static void main(String[] args) throws Exception {
    DemoSettings settings;
    try {
      settings = DemoSettings.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("demo: " + e.getMessage());
      System.exit(2);
      return;
    }
    quietLogs();
    System.out.println(
        "shortlease demo: the same service, two ways to use the pool (about "
            + estimateSeconds(settings)
            + " s)\n");

    System.out.println(
        "1/2 connection per request: each chat keeps its connection while the model works ...");
    StyleResult held = DemoRun.run(DemoStyle.HELD, settings);
    System.out.println("2/2 shortlease: connections only for each short database step ...\n");
    StyleResult scoped = DemoRun.run(DemoStyle.SCOPED, settings);

    System.out.println(DemoReport.table(settings, held, scoped));
    System.out.println(DemoReport.bars(List.of(held, scoped)));
    List<Timeline> timelines = List.of(held.timeline(), scoped.timeline());
    System.out.println("one chat alone, on one time axis (# connection lease, ~ model call)");
    System.out.println(TimelineChart.text(timelines));
    Path picture = settings.output().resolve("timeline.svg");
    Files.createDirectories(settings.output());
    Files.writeString(picture, TimelineChart.svg(timelines));
    System.out.println("timeline picture: " + picture.toAbsolutePath());
    System.out.println(
        "next: docs/tour.md reads the code that keeps the lease short, and the rules and the"
            + " guard that fail a build when it is not.");
  }

  private static long estimateSeconds(DemoSettings settings) {
    long perStyle =
        settings.warmup().toSeconds()
            + settings.window().toSeconds()
            + settings.latency().toSeconds()
            + 5;
    return 2 * perStyle;
  }

  /**
   * The service's own log lines would bury the table; only the guard's warnings stay, so the held
   * style shows the guard noticing each breach of rule R3.
   */
  private static void quietLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    for (Logger logger : context.getLoggerList()) {
      logger.setLevel(logger.getName().equals(Logger.ROOT_LOGGER_NAME) ? Level.ERROR : null);
    }
    context.getLogger("dev.shortlease.guardrails").setLevel(Level.WARN);
  }
}
