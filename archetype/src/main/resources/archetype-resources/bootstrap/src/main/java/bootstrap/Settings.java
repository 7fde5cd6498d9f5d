package ${package}.bootstrap;

import ${package}.adapter.persistence.PersistenceSettings;
#if( $withLlm == "true" )
import ${package}.adapter.llm.LlmSettings;
#end
import dev.shortlease.guardrails.guard.GuardMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
#if( $withLlm == "true" )
import java.util.Optional;
#end
import java.util.function.Supplier;

/**
 * Every setting, read from environment variables (README.md lists them). A bad value is a {@link
 * SettingsException} naming the variable.
 *
 * @param guardMode connection held across a long call: {@code strict} throws, {@code warn} logs
 *     and counts, {@code off}
#if( $withLlm == "true" )
 * @param llm the model when {@code LLM_PROVIDER=openai}; empty for the simulated one
#end
 */
public record Settings(
    String host,
    int port,
    PersistenceSettings database,
    GuardMode guardMode,
#if( $withLlm == "true" )
    Optional<LlmSettings> llm,
#end
    Duration simulatedLatency) {

  public static final String DEFAULT_DATABASE_URL = "jdbc:h2:file:./data/${rootArtifactId}";

  public Settings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(guardMode, "guardMode");
#if( $withLlm == "true" )
    Objects.requireNonNull(llm, "llm");
#end
    Objects.requireNonNull(simulatedLatency, "simulatedLatency");
  }

  /** An H2 URL in PostgreSQL mode, closed by the service rather than by H2's shutdown hook. */
  private static String h2Url(String url) {
    String upper = url.toUpperCase(Locale.ROOT);
    String mode = upper.contains(";MODE=") ? "" : PersistenceSettings.H2_POSTGRESQL_MODE;
    String closing =
        upper.contains(";DB_CLOSE_ON_EXIT=") ? "" : PersistenceSettings.H2_CLOSED_BY_THE_SERVICE;
    return url + mode + closing;
  }

  public static Settings fromEnvironment(Map<String, String> env) {
    String url = env.getOrDefault("DATABASE_URL", DEFAULT_DATABASE_URL);
    boolean h2 = url.startsWith("jdbc:h2:");
    String jdbcUrl = h2 ? h2Url(url) : url;
    String user = env.getOrDefault("DATABASE_USER", h2 ? "sa" : "");
    String password = env.getOrDefault("DATABASE_PASSWORD", "");
    // Each limit checked here, against its variable, so the message names what to change (the
    // record checks them too, but knows only its own field names).
    long poolSize = number(env, "DB_POOL_SIZE", PersistenceSettings.DEFAULT_POOL_SIZE);
    if (poolSize < 1 || poolSize > PersistenceSettings.MAX_POOL_SIZE) {
      throw new SettingsException(
          "DB_POOL_SIZE must be within 1.." + PersistenceSettings.MAX_POOL_SIZE + ", got " + poolSize);
    }
    long timeout =
        number(
            env, "DB_CONNECTION_TIMEOUT_MS", PersistenceSettings.DEFAULT_CONNECTION_TIMEOUT_MILLIS);
    if (timeout < PersistenceSettings.MIN_CONNECTION_TIMEOUT_MILLIS) {
      throw new SettingsException(
          "DB_CONNECTION_TIMEOUT_MS must be at least "
              + PersistenceSettings.MIN_CONNECTION_TIMEOUT_MILLIS
              + ", got "
              + timeout);
    }
    long leak =
        number(
            env, "DB_LEAK_THRESHOLD_MS", PersistenceSettings.DEFAULT_LEAK_DETECTION_THRESHOLD_MILLIS);
    if (leak != 0 && leak < PersistenceSettings.MIN_LEAK_DETECTION_THRESHOLD_MILLIS) {
      throw new SettingsException(
          "DB_LEAK_THRESHOLD_MS must be 0 (off) or at least "
              + PersistenceSettings.MIN_LEAK_DETECTION_THRESHOLD_MILLIS
              + ", got "
              + leak);
    }
    PersistenceSettings database =
        parse(
            "DATABASE_URL",
            () -> new PersistenceSettings(jdbcUrl, user, password, (int) poolSize, timeout, leak));
    GuardMode guard =
        parse("GUARD_MODE", () -> GuardMode.fromSetting(env.getOrDefault("GUARD_MODE", "strict")));
    long port = number(env, "PORT", 8080);
    if (port < 0 || port > 65_535) {
      throw new SettingsException("PORT must be within 0..65535");
    }
    long latency = number(env, "SIMULATED_LATENCY_MS", 500);
    if (latency < 0) {
      throw new SettingsException("SIMULATED_LATENCY_MS must be 0 or more");
    }
    return new Settings(
        env.getOrDefault("HOST", "0.0.0.0"),
        (int) port,
        database,
        guard,
#if( $withLlm == "true" )
        llm(env),
#end
        Duration.ofMillis(latency));
  }

  private static long number(Map<String, String> env, String name, long defaultValue) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new SettingsException(name + " must be a whole number, got '" + value + "'");
    }
  }

  private static <T> T parse(String name, Supplier<T> value) {
    try {
      return value.get();
    } catch (IllegalArgumentException e) {
      throw new SettingsException(name + ": " + e.getMessage());
    }
  }
#if( $withLlm == "true" )

  private static Optional<LlmSettings> llm(Map<String, String> env) {
    String provider = env.getOrDefault("LLM_PROVIDER", "simulated");
    return switch (provider) {
      case "simulated" -> Optional.empty();
      case "openai" ->
          Optional.of(
              parse(
                  "LLM_*",
                  () ->
                      new LlmSettings(
                          env.getOrDefault("LLM_BASE_URL", LlmSettings.DEFAULT_BASE_URL),
                          env.getOrDefault("LLM_API_KEY", ""),
                          env.getOrDefault("LLM_MODEL", LlmSettings.DEFAULT_MODEL),
                          Duration.ofMillis(
                              number(
                                  env,
                                  "LLM_TIMEOUT_MS",
                                  LlmSettings.DEFAULT_TIMEOUT.toMillis())))));
      default ->
          throw new SettingsException(
              "LLM_PROVIDER must be simulated or openai, got '" + provider + "'");
    };
  }
#end
}
