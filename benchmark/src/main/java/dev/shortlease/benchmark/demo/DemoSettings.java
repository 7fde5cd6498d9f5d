package dev.shortlease.benchmark.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Demonstration knobs (environment variables, all optional): {@code DEMO_CHATS} concurrent chats
 * (200), {@code DEMO_POOL_SIZE} connections (4), {@code DEMO_LATENCY_MS} model time per answer
 * (1000), {@code DEMO_SECONDS} measured seconds per style (8), {@code DEMO_OUTPUT} where the
 * timeline picture goes ({@code target/demo}).
 */
record DemoSettings(int concurrency, int poolSize, Duration latency, Duration window, Path output) {

  static final String ADMIN_TOKEN = "demo-admin-token-0123456789";
  private static final int ANSWER_TOKENS = 5;

  static DemoSettings fromEnvironment(Map<String, String> env) {
    return new DemoSettings(
        positive(env, "DEMO_CHATS", 200),
        positive(env, "DEMO_POOL_SIZE", 4),
        Duration.ofMillis(positive(env, "DEMO_LATENCY_MS", 1000)),
        Duration.ofSeconds(positive(env, "DEMO_SECONDS", 8)),
        Path.of(env.getOrDefault("DEMO_OUTPUT", "target/demo")));
  }

  private static int positive(Map<String, String> env, String name, int fallback) {
    String text = env.get(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw new IllegalArgumentException(
        name + " must be a positive whole number, got '" + text + "'");
  }

  /** Warm-up before the window: the clients' start is spread over one model latency. */
  Duration warmup() {
    return latency.plusSeconds(2);
  }

  /** Where the service's spool and uploads go: a temporary directory, not the output. */
  private static Path workDirectory() {
    try {
      return java.nio.file.Files.createTempDirectory("shortlease-demo");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The service's settings for {@code style}: embedded H2 in memory, the simulated model. */
  Map<String, String> serviceEnvironment(DemoStyle style) {
    long ttft = latency.toMillis() / 2;
    double tokensPerSecond = ANSWER_TOKENS * 1000.0 / Math.max(1, latency.toMillis() - ttft);
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0");
    env.put("ADMIN_TOKEN", ADMIN_TOKEN);
    // A fresh in-memory database per run: nothing to set up, nothing left behind.
    env.put(
        "DATABASE_URL",
        "jdbc:h2:mem:shortlease-demo-"
            + style.name().toLowerCase(Locale.ROOT)
            + "-"
            + java.util.UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1");
    env.put("DEMO_APP", "false");
    env.put("DB_POOL_SIZE", Integer.toString(poolSize));
    env.put("DB_CONNECTION_TIMEOUT_MS", "1000");
    env.put("LLM_PROVIDER", "simulated");
    env.put("SIMULATED_TTFT_MS", Long.toString(ttft));
    env.put("SIMULATED_TOKENS_PER_SECOND", String.format(Locale.ROOT, "%.3f", tokensPerSecond));
    env.put("SIMULATED_ANSWER_TOKENS", Integer.toString(ANSWER_TOKENS));
    env.put("GUARD_MODE", style.guardMode());
    Path work = workDirectory();
    env.put("ANSWER_SPOOL_DIR", work.resolve("spool").toString());
    env.put("FILES_DIR", work.resolve("files").toString());
    return env;
  }
}
