package dev.shortlease.benchmark.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Benchmark report: writes {@code results.json} and {@code chart.png} into the run's directory and
 * copies both to {@code latest/}, the copy the docs link to.
 */
public final class ResultsWriter {

  public static final String RESULTS = "results.json";
  public static final String CHART = "chart.png";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ResultsWriter() {}

  public static void write(RunReport report, String chartSubtitle, Path runDir, Path latestDir)
      throws IOException {
    Files.createDirectories(runDir);
    JSON.writeValue(runDir.resolve(RESULTS).toFile(), report);
    ThroughputChart.writePng(report.results(), chartSubtitle, runDir.resolve(CHART));
    if (latestDir != null) {
      Files.createDirectories(latestDir);
      for (String file : new String[] {RESULTS, CHART}) {
        Files.copy(
            runDir.resolve(file), latestDir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
