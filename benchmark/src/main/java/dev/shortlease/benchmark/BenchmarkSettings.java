package dev.shortlease.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Configuration of one benchmark run, read from {@code BENCH_*} environment variables. The split of
 * the model latency into time-to-first-token and streaming keeps the token count (and so the CPU
 * spent on SSE events) small.
 */
public record BenchmarkSettings(
    List<Integer> concurrency,
    int poolSize,
    Duration llmLatency,
    int answerTokens,
    List<Mode> modes,
    Duration warmup,
    Duration window,
    Duration connectionTimeout,
    String databaseUrl,
    String serverHeap,
    List<String> serverJvmOptions,
    Path outputDir) {

  public static final String DEFAULT_DATABASE_URL =
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  public BenchmarkSettings {
    concurrency = List.copyOf(concurrency);
    modes = List.copyOf(modes);
    serverJvmOptions = List.copyOf(serverJvmOptions);
    if (concurrency.isEmpty() || concurrency.stream().anyMatch(c -> c < 1)) {
      throw new IllegalArgumentException("BENCH_CONCURRENCY needs positive numbers");
    }
    if (poolSize < 1 || answerTokens < 1 || modes.isEmpty()) {
      throw new IllegalArgumentException("pool size, answer tokens and modes must be positive");
    }
    if (llmLatency.toMillis() < 20 || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("latency must be >= 20 ms and the window positive");
    }
  }

  public static BenchmarkSettings fromEnv(Map<String, String> env) {
    return new BenchmarkSettings(
        ints(env.getOrDefault("BENCH_CONCURRENCY", "50,200,1000")),
        Integer.parseInt(env.getOrDefault("BENCH_POOL_SIZE", "10")),
        Duration.ofMillis(Long.parseLong(env.getOrDefault("BENCH_LLM_LATENCY_MS", "2000"))),
        Integer.parseInt(env.getOrDefault("BENCH_ANSWER_TOKENS", "5")),
        Arrays.stream(env.getOrDefault("BENCH_MODES", "scoped,held").split(","))
            .map(Mode::parse)
            .toList(),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENCH_WARMUP_S", "15"))),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENCH_DURATION_S", "15"))),
        Duration.ofMillis(Long.parseLong(env.getOrDefault("BENCH_CONNECTION_TIMEOUT_MS", "3000"))),
        env.getOrDefault("DATABASE_URL", DEFAULT_DATABASE_URL),
        env.getOrDefault("BENCH_SERVER_HEAP", "512m"),
        Arrays.stream(env.getOrDefault("BENCH_SERVER_JVM_OPTS", "").split("\\s+"))
            .filter(option -> !option.isBlank())
            .toList(),
        Path.of(env.getOrDefault("BENCH_OUTPUT_DIR", "bench-results")));
  }

  /** Time to first token: half the latency; the other half streams the answer. */
  public long ttftMillis() {
    return llmLatency.toMillis() / 2;
  }

  /** Tokens per second so that the answer's tokens span the remaining half of the latency. */
  public double tokensPerSecond() {
    return answerTokens * 1000.0 / (llmLatency.toMillis() - ttftMillis());
  }

  private static List<Integer> ints(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::valueOf).toList();
  }
}
