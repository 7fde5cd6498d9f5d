package dev.shortlease.benchmark.scaleout;

import java.time.Duration;
import java.util.Map;

/**
 * Scale-out run: its knobs, from the environment ({@code SCALE_*}), defaults as issue #18 asks: 3
 * instances with {@code DB_POOL_SIZE=5}, PgBouncer with 10 server connections, 1500 streaming chats
 * at L = 2 s through HAProxy, one instance killed half-way through the window.
 */
record ScaleOutSettings(
    String adminDatabaseUrl,
    int instances,
    int poolSize,
    int serverConnections,
    int concurrency,
    Duration llmLatency,
    int answerTokens,
    Duration warmup,
    Duration window,
    Duration killAfter,
    Duration runningLimit) {

  ScaleOutSettings {
    if (instances < 1 || poolSize < 1 || serverConnections < 1 || concurrency < 1) {
      throw new IllegalArgumentException("SCALE_* counts must be at least 1");
    }
    if (!killAfter.isZero() && (killAfter.compareTo(window) >= 0 || instances < 2)) {
      throw new IllegalArgumentException(
          "SCALE_KILL_AFTER_S must be inside SCALE_DURATION_S, with at least 2 instances");
    }
  }

  static ScaleOutSettings fromEnvironment(Map<String, String> env) {
    return new ScaleOutSettings(
        env.getOrDefault("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"),
        number(env, "SCALE_INSTANCES", 3),
        number(env, "SCALE_POOL_SIZE", 5),
        number(env, "SCALE_SERVER_CONNECTIONS", 10),
        number(env, "SCALE_CONCURRENCY", 1500),
        Duration.ofMillis(number(env, "SCALE_LLM_LATENCY_MS", 2000)),
        number(env, "SCALE_ANSWER_TOKENS", 5),
        Duration.ofSeconds(number(env, "SCALE_WARMUP_S", 30)),
        Duration.ofSeconds(number(env, "SCALE_DURATION_S", 60)),
        Duration.ofSeconds(number(env, "SCALE_KILL_AFTER_S", 30)),
        Duration.ofSeconds(30));
  }

  /** The simulated model: half the latency to the first token, the tokens over the other half. */
  Map<String, String> modelEnv() {
    long ttft = llmLatency.toMillis() / 2;
    double tokensPerSecond = answerTokens * 1000.0 / (llmLatency.toMillis() - ttft);
    return Map.of(
        "LLM_PROVIDER", "simulated",
        "SIMULATED_TTFT_MS", Long.toString(ttft),
        "SIMULATED_TOKENS_PER_SECOND", Double.toString(tokensPerSecond),
        "SIMULATED_ANSWER_TOKENS", Integer.toString(answerTokens));
  }

  private static int number(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    try {
      return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
    }
  }
}
