package dev.shortlease.benchmark.service;

/** Benchmark harness: sums of samples in a Prometheus text exposition, by name and label. */
public record PrometheusText(String text) {

  /**
   * The sum of every sample of {@code metric} whose labels contain {@code labelFragment} (e.g.
   * {@code area="heap"}; empty for all); NaN when there is none.
   */
  public double sum(String metric, String labelFragment) {
    double total = 0;
    boolean found = false;
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || !line.startsWith(metric)) {
        continue;
      }
      String rest = line.substring(metric.length());
      if (!(rest.startsWith("{") || rest.startsWith(" "))) {
        continue; // a longer metric name with the same prefix
      }
      String labels = rest.startsWith("{") ? rest.substring(0, rest.indexOf('}') + 1) : "";
      if (!labels.contains(labelFragment)) {
        continue;
      }
      String[] parts = rest.substring(labels.length()).trim().split("\\s+");
      total += Double.parseDouble(parts[0]);
      found = true;
    }
    return found ? total : Double.NaN;
  }
}
