package dev.shortlease.benchmark;

/**
 * Benchmark entry point: reads {@code BENCH_*} and {@code DATABASE_URL} from the environment, runs
 * every mode over its points, writes the report and prints the targets. The service runs as a child
 * JVM on this process's own classpath.
 */
public final class BenchmarkMain {

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    BenchmarkSettings settings = BenchmarkSettings.fromEnv(System.getenv());
    BenchmarkRun.Written written =
        new BenchmarkRun(settings, System.getProperty("java.class.path"), SchemaCheck.NONE)
            .execute(true);
    System.out.print(Summary.ratios(written.report().ratiosToFloor()));
    System.out.print(Summary.targets(written.report().targets()));
    System.out.println("results: " + written.directory().resolve("results.json"));
    System.out.println("chart:   " + written.directory().resolve("chart.png"));
  }
}
