package dev.shortlease.benchmark;

import dev.shortlease.benchmark.report.FloorRatios;
import dev.shortlease.benchmark.report.PointResult;
import dev.shortlease.benchmark.report.ResultsWriter;
import dev.shortlease.benchmark.report.RunReport;
import dev.shortlease.benchmark.report.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark: every mode at every concurrency, point by point ({@link BenchmarkSettings#runOrder}),
 * then the report ({@code results.json} and the chart) in {@code <output>/<timestamp>/}, copied to
 * {@code <output>/latest/} when asked.
 */
public final class BenchmarkRun {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final BenchmarkSettings settings;
  private final String classpath;
  private final SchemaCheck schemaCheck;

  public BenchmarkRun(BenchmarkSettings settings, String classpath, SchemaCheck schemaCheck) {
    this.settings = settings;
    this.classpath = classpath;
    this.schemaCheck = schemaCheck;
  }

  /** Runs all points and writes the report; returns it with the directory it went to. */
  public Written execute(boolean updateLatest) throws Exception {
    Instant started = Instant.now();
    Path runDir = settings.outputDir().resolve(STAMP.format(started));
    Files.createDirectories(runDir);
    Map<String, Object> machine = MachineInfo.describe(settings.databaseUrl());
    Map<String, Object> code = CodeVersion.describe(Path.of(""));
    System.out.println("code: " + CodeVersion.label(code));
    PointRunner runner = new PointRunner(settings, classpath, runDir, schemaCheck);
    List<PointResult> points = new ArrayList<>();
    for (BenchmarkSettings.Step step : settings.runOrder()) {
      for (PointResult point : runner.run(step.modes(), step.point(), step.rounds())) {
        System.out.println(Summary.line(point));
        points.add(point);
      }
    }
    double seconds = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
    machine.put("load_average_at_end", MachineInfo.loadAverage());
    int heapMb = Integer.parseInt(settings.serverHeap().replaceAll("\\D", ""));
    RunReport report =
        new RunReport(
            started.toString(),
            PointMath.round(seconds),
            code,
            machine,
            settingsMap(),
            points,
            FloorRatios.of(points),
            Targets.check(points, seconds, heapMb, settings.isDefaultRun()));
    ResultsWriter.write(
        report,
        ("P=%d connections; per point a %d-%d s warm-up (until the JIT is quiet) + %d s window"
                + " (at least 1.5 L + L)%s; %s")
            .formatted(
                settings.poolSize(),
                settings.warmup().toSeconds(),
                Math.max(settings.warmup().toSeconds(), settings.warmupMax().toSeconds()),
                settings.window().toSeconds(),
                settings.rounds() > 1
                    ? ", scoped and floor in %d alternating windows".formatted(settings.rounds())
                    : "",
                machine.get("cpus")
                    + " CPUs, "
                    + machine.get("jdk")
                    + ", "
                    + CodeVersion.label(code)),
        runDir,
        updateLatest ? settings.outputDir().resolve("latest") : null);
    return new Written(report, runDir);
  }

  /** A written report and its directory. */
  public record Written(RunReport report, Path directory) {}

  private Map<String, Object> settingsMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("points", settings.points().stream().map(LoadPoint::toString).toList());
    map.put("modes", settings.modes().stream().map(Mode::label).toList());
    map.put("pool_size", settings.poolSize());
    map.put("simulated_ttft", "L / 2");
    map.put("simulated_answer_tokens", settings.answerTokens());
    map.put("warmup_s", settings.warmup().toSeconds());
    map.put("warmup_max_s", settings.warmupMax().toSeconds());
    map.put("window_s", settings.window().toSeconds());
    map.put("rounds", settings.rounds());
    map.put("connection_timeout_ms", settings.connectionTimeout().toMillis());
    map.put("server_heap", "-Xmx" + settings.serverHeap());
    map.put("database", settings.databaseUrl().replaceAll("\\?.*", ""));
    return map;
  }
}
