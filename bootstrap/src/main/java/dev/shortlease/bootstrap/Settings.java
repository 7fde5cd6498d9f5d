package dev.shortlease.bootstrap;

import dev.shortlease.adapter.llm.EmbeddingSettings;
import dev.shortlease.adapter.llm.LlmProvider;
import dev.shortlease.adapter.llm.LlmSettings;
import dev.shortlease.adapter.persistence.PersistenceSettings;
import dev.shortlease.adapter.persistence.PoolerSettings;
import dev.shortlease.adapter.persistence.StatementTimeouts;
import dev.shortlease.adapter.web.AuthThrottleSettings;
import dev.shortlease.adapter.web.InputsLimits;
import dev.shortlease.adapter.web.TrustedProxies;
import dev.shortlease.adapter.web.WebSettings;
import dev.shortlease.application.AnnotationSettings;
import dev.shortlease.application.ChatSettings;
import dev.shortlease.application.LimitSettings;
import dev.shortlease.application.ReliabilitySettings;
import dev.shortlease.application.StopRelaySettings;
import dev.shortlease.bootstrap.tracing.TracingSettings;
import dev.shortlease.domain.App;
import dev.shortlease.guardrails.guard.AcquiringStacks;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Configuration of the whole service, read from environment variables with defaults (see the
 * README's table). {@link #fromEnvironment} validates every value and fails with a {@link
 * SettingsException} naming the variable, before anything starts.
 *
 * @param guardMode {@code strict} (a connection held across a long call throws), {@code warn} (logs
 *     once per call site, counts every one) or {@code off}
 * @param adminTokenGenerated true when ADMIN_TOKEN was unset and a random one was made (printed)
 * @param shutdownGrace the whole time a graceful shutdown may take, final saves included (see
 *     {@link ShutdownPlan})
 * @param answerSpool the directory of answers whose final save could not reach the database
 * @param embedding the embedding model of annotation reply
 * @param annotations the limits of annotation reply
 * @param stopRelay how many stops per app may travel to other instances
 * @param managementPort the port of {@code /admin/*}, {@code /dashboard} and {@code /metrics} when
 *     they are set apart from the public API; null serves them on {@code port}
 * @param limits active-request caps, model side calls and the readiness probe (docs/limits.md)
 * @param authThrottle the failed-authentication throttle and the proxies it trusts
 * @param tracing the {@code OTEL_*} variables; traces are off unless they name an exporter
 */
public record Settings(
    String host,
    int port,
    String adminToken,
    boolean adminTokenGenerated,
    PersistenceSettings database,
    LlmSettings llm,
    String guardMode,
    ChatSettings chat,
    WebSettings web,
    Duration shutdownGrace,
    boolean demoApp,
    ReliabilitySettings reliability,
    Path answerSpool,
    EmbeddingSettings embedding,
    AnnotationSettings annotations,
    StopRelaySettings stopRelay,
    String managementHost,
    Integer managementPort,
    MediaSettings media,
    LimitSettings limits,
    AuthThrottleSettings authThrottle,
    TracingSettings tracing) {

  /** The embedded database used when DATABASE_URL is unset: a file under ./data. */
  public static final String DEFAULT_H2_URL = "jdbc:h2:file:./data/shortlease";

  /** Where answers go when the database stays away past the final save's retry window. */
  public static final String DEFAULT_ANSWER_SPOOL = "./data/spool";

  /** Fits `docker stop`'s 10 s between SIGTERM and SIGKILL, with room for the JVM to exit. */
  public static final int DEFAULT_SHUTDOWN_GRACE_SECONDS = 8;

  /** What deploy/k8s/secret.yaml's values start with: refused as an admin token. */
  static final String PLACEHOLDER = "replace-me";

  public Settings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(adminToken, "adminToken");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(llm, "llm");
    Objects.requireNonNull(guardMode, "guardMode");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(web, "web");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(reliability, "reliability");
    Objects.requireNonNull(answerSpool, "answerSpool");
    Objects.requireNonNull(embedding, "embedding");
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(stopRelay, "stopRelay");
    Objects.requireNonNull(managementHost, "managementHost");
    Objects.requireNonNull(media, "media");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(authThrottle, "authThrottle");
    Objects.requireNonNull(tracing, "tracing");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be within 0..65535");
    }
  }

  /** Reads every setting from {@code env} (normally {@code System.getenv()}). */
  public static Settings fromEnvironment(Map<String, String> env) {
    EnvReader read = new EnvReader(env);
    String token = read.text("ADMIN_TOKEN");
    if (token != null && token.length() < 16) {
      throw new SettingsException("ADMIN_TOKEN", "must be at least 16 characters");
    }
    // A sample's placeholder copied unchanged would open /admin to anyone who read the sample.
    if (token != null && token.toLowerCase(Locale.ROOT).contains(PLACEHOLDER)) {
      throw new SettingsException(
          "ADMIN_TOKEN",
          "is still the sample's placeholder ('" + PLACEHOLDER + "…'); set a random one");
    }
    String adminToken = token == null ? randomToken() : token;
    PersistenceSettings database = database(read);
    ReliabilitySettings reliability = reliability(read, database.poolSize());
    Duration timeLimit =
        Duration.ofSeconds(
            read.integer(
                "MAX_EXECUTION_SECONDS",
                ChatSettings.DEFAULTS.executionTimeLimit().toSeconds(),
                1,
                86_400));
    LlmSettings llm = llm(read);
    String host = read.text("HOST", "0.0.0.0");
    int port = (int) read.integer("PORT", 8080, 0, 65_535);
    Integer managementPort =
        read.text("MANAGEMENT_PORT") == null
            ? null
            : (int) read.integer("MANAGEMENT_PORT", 0, 0, 65_535);
    if (managementPort != null && managementPort != 0 && managementPort == port) {
      throw new SettingsException("MANAGEMENT_PORT", "must differ from PORT (" + port + ")");
    }
    return new Settings(
        host,
        port,
        adminToken,
        token == null,
        database,
        llm,
        read.oneOf("GUARD_MODE", "strict", "strict", "warn", "off"),
        ChatSettings.defaults()
            .withExecutionTimeLimit(timeLimit)
            .withHistoryChars(
                (int)
                    read.integer(
                        "HISTORY_BUDGET_CHARS",
                        ChatSettings.DEFAULTS.historyChars(),
                        0,
                        10_000_000)),
        new WebSettings(
                adminToken,
                (int)
                    read.integer(
                        "MAX_BODY_BYTES", WebSettings.DEFAULT_MAX_BODY_BYTES, 1024, 100_000_000),
                Duration.ofMillis(
                    read.integer(
                        "SSE_PING_INTERVAL_MS",
                        WebSettings.DEFAULT_PING_INTERVAL.toMillis(),
                        10,
                        3_600_000)),
                // No answer can take longer: the time limit, then the final save's retries.
                timeLimit.plus(reliability.finalSaveRetry()).plusSeconds(30),
                inputsLimits(read))
            .withCorsAllowOrigins(corsOrigins(read)),
        Duration.ofSeconds(
            read.integer("SHUTDOWN_GRACE_SECONDS", DEFAULT_SHUTDOWN_GRACE_SECONDS, 1, 3_600)),
        // A demo app with a printed key belongs on a newcomer's embedded database, not in
        // production.
        read.bool("DEMO_APP", read.text("DATABASE_URL") == null),
        reliability,
        Path.of(read.text("ANSWER_SPOOL_DIR", DEFAULT_ANSWER_SPOOL)),
        embedding(read, llm),
        AnnotationSettings.defaults()
            .withLimits(
                (int)
                    read.integer(
                        "ANNOTATION_REPLY_MAX_ANNOTATIONS",
                        AnnotationSettings.DEFAULT_MAX_ANNOTATIONS_PER_APP,
                        1,
                        100_000),
                Duration.ofMillis(database.appCacheTtlMillis())),
        StopRelaySettings.perSecond(
            (int)
                read.integer("STOP_RELAY_RATE", StopRelaySettings.DEFAULT_PER_SECOND, 1, 100_000)),
        read.text("MANAGEMENT_HOST", host),
        managementPort,
        MediaSettings.read(read),
        limits(read),
        authThrottle(read),
        TracingSettings.fromEnvironment(env));
  }

  /**
   * The embedding model of annotation reply; on the chat model's provider it takes that one's URL
   * and key unless EMBEDDING_BASE_URL / EMBEDDING_API_KEY say otherwise.
   */
  private static EmbeddingSettings embedding(EnvReader read, LlmSettings llm) {
    String provider =
        read.oneOf("EMBEDDING_PROVIDER", "simulated", "simulated", "openai", "ollama");
    boolean sameAsChat = provider.equals(llm.provider());
    String apiKey = read.text("EMBEDDING_API_KEY", sameAsChat ? llm.apiKey() : "");
    if (apiKey.isBlank() && LlmProvider.fromId(provider).needsApiKey()) {
      throw new SettingsException(
          "EMBEDDING_API_KEY",
          "must be set for EMBEDDING_PROVIDER="
              + provider
              + " (or LLM_API_KEY with LLM_PROVIDER="
              + provider
              + ")");
    }
    return new EmbeddingSettings(
        provider,
        read.httpUrl("EMBEDDING_BASE_URL", sameAsChat ? llm.baseUrl() : null),
        apiKey,
        read.text("EMBEDDING_MODEL"),
        llm.connectTimeout(),
        Duration.ofMillis(
            read.integer(
                "EMBEDDING_TIMEOUT_MS",
                EmbeddingSettings.DEFAULT_TIMEOUT.toMillis(),
                100,
                3_600_000)));
  }

  private static LimitSettings limits(EnvReader read) {
    int max = App.MAX_ACTIVE_REQUESTS_LIMIT;
    return LimitSettings.DEFAULTS
        .withActiveRequests(
            (int)
                read.integer(
                    "APP_MAX_ACTIVE_REQUESTS",
                    LimitSettings.DEFAULT_APP_MAX_ACTIVE_REQUESTS,
                    0,
                    max),
            (int)
                read.integer(
                    "END_USER_MAX_ACTIVE_REQUESTS",
                    LimitSettings.DEFAULT_END_USER_MAX_ACTIVE_REQUESTS,
                    0,
                    max))
        .withSideCalls(
            (int) read.integer("SIDE_CALLS_MAX", LimitSettings.DEFAULT_SIDE_CALLS, 1, 10_000),
            Duration.ofMillis(
                read.integer(
                    "SIDE_CALL_TIMEOUT_MS",
                    LimitSettings.DEFAULT_SIDE_CALL_TIME_LIMIT.toMillis(),
                    100,
                    600_000)))
        .withReadinessProbeInterval(
            Duration.ofMillis(
                read.integer(
                    "READINESS_PROBE_INTERVAL_MS",
                    LimitSettings.DEFAULT_READINESS_PROBE_INTERVAL.toMillis(),
                    100,
                    60_000)));
  }

  private static AuthThrottleSettings authThrottle(EnvReader read) {
    Set<String> proxies =
        Arrays.stream(read.text("TRUSTED_PROXIES", "").split(","))
            .map(String::strip)
            .filter(proxy -> !proxy.isEmpty())
            .collect(Collectors.toSet());
    try {
      TrustedProxies.parse(proxies);
    } catch (IllegalArgumentException e) {
      throw new SettingsException("TRUSTED_PROXIES", e.getMessage());
    }
    return new AuthThrottleSettings(
        (int)
            read.integer(
                "AUTH_FAILURE_LIMIT", AuthThrottleSettings.DEFAULT_FAILURE_LIMIT, 0, 1_000_000),
        Duration.ofSeconds(
            read.integer(
                "AUTH_FAILURE_WINDOW_SECONDS",
                AuthThrottleSettings.DEFAULT_WINDOW.toSeconds(),
                1,
                86_400)),
        proxies);
  }

  private static InputsLimits inputsLimits(EnvReader read) {
    return new InputsLimits(
        (int) read.integer("INPUTS_MAX_KEYS", InputsLimits.DEFAULTS.maxKeys(), 0, 10_000),
        (int) read.integer("INPUTS_MAX_BYTES", InputsLimits.DEFAULTS.maxBytes(), 0, 100_000_000));
  }

  /**
   * CORS_ALLOW_ORIGINS: {@code *} (Dify's service API default), or a comma-separated list of exact
   * origins ({@code https://chat.example.com}); {@code none} sends no CORS headers at all.
   */
  private static List<String> corsOrigins(EnvReader read) {
    String value = read.text("CORS_ALLOW_ORIGINS", "*");
    if (value.equals("none")) {
      return List.of();
    }
    List<String> origins = Arrays.stream(value.split(",")).map(String::strip).toList();
    for (String origin : origins) {
      if (!origin.equals("*") && !origin.matches("https?://[^/\\s,*]+")) {
        throw new SettingsException(
            "CORS_ALLOW_ORIGINS",
            "must be *, none, or origins like https://chat.example.com separated by commas, was '"
                + origin
                + "'");
      }
    }
    return origins;
  }

  private static ReliabilitySettings reliability(EnvReader read, int poolSize) {
    ReliabilitySettings defaults = ReliabilitySettings.forPool(poolSize);
    return defaults
        .withFinalSaveRetry(
            Duration.ofSeconds(
                read.integer(
                    "FINAL_SAVE_RETRY_SECONDS",
                    ReliabilitySettings.DEFAULT_FINAL_SAVE_RETRY.toSeconds(),
                    1,
                    86_400)))
        .withInstanceLease(
            Duration.ofSeconds(
                read.integer(
                    "INSTANCE_LEASE_SECONDS",
                    ReliabilitySettings.DEFAULT_INSTANCE_LEASE.toSeconds(),
                    3,
                    3_600)))
        .withAdmission(
            (int) read.integer("CHAT_ADMISSION_PERMITS", defaults.admissionPermits(), 1, 100_000),
            (int)
                read.integer(
                    "CHAT_ADMISSION_QUEUE",
                    ReliabilitySettings.DEFAULT_ADMISSION_QUEUE,
                    0,
                    1_000_000),
            Duration.ofMillis(
                read.integer(
                    "CHAT_ADMISSION_WAIT_MS",
                    ReliabilitySettings.DEFAULT_ADMISSION_WAIT.toMillis(),
                    100,
                    600_000)));
  }

  private static PersistenceSettings database(EnvReader read) {
    String url = read.text("DATABASE_URL");
    String user = read.text("DATABASE_USER");
    if (url == null) {
      url = DEFAULT_H2_URL;
      user = user == null ? "sa" : user;
    }
    if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
      throw new SettingsException(
          "DATABASE_URL",
          "must be a jdbc:postgresql:// or jdbc:h2: URL, was '"
              + PersistenceSettings.redacted(url)
              + "'");
    }
    if (url.startsWith("jdbc:h2:") && !url.toUpperCase().contains(";MODE=")) {
      url = url + PersistenceSettings.H2_POSTGRESQL_MODE;
    }
    if (url.startsWith("jdbc:h2:") && !url.toUpperCase().contains(";DB_CLOSE_ON_EXIT=")) {
      url = url + PersistenceSettings.H2_CLOSED_BY_THE_SERVICE;
    }
    int poolSize =
        (int) read.integer("DB_POOL_SIZE", PersistenceSettings.DEFAULT_POOL_SIZE, 1, 1_000);
    PoolerSettings pooler = pooler(read, url);
    return new PersistenceSettings(
        url,
        user,
        read.text("DATABASE_PASSWORD", ""),
        poolSize,
        read.integer(
            "DB_CONNECTION_TIMEOUT_MS",
            PersistenceSettings.DEFAULT_CONNECTION_TIMEOUT_MILLIS,
            250,
            600_000),
        read.zeroOrAtLeast(
            "DB_LEAK_THRESHOLD_MS",
            PersistenceSettings.DEFAULT_LEAK_DETECTION_THRESHOLD_MILLIS,
            2_000),
        read.zeroOrAtLeast(
            "DB_MAX_LIFETIME_MS", PersistenceSettings.DEFAULT_MAX_LIFETIME_MILLIS, 30_000),
        null,
        read.integer(
            "APP_CACHE_TTL_MS",
            PersistenceSettings.DEFAULT_APP_CACHE_TTL_MILLIS,
            0,
            PersistenceSettings.MAX_APP_CACHE_TTL_MILLIS),
        new StatementTimeouts(
            read.integer(
                "DB_STATEMENT_TIMEOUT_MS",
                StatementTimeouts.DEFAULTS.statementMillis(),
                0,
                86_400_000),
            read.integer(
                "DB_LOCK_TIMEOUT_MS", StatementTimeouts.DEFAULTS.lockMillis(), 0, 86_400_000)),
        read.integer(
            "UNKNOWN_KEY_CACHE_MS",
            PersistenceSettings.DEFAULT_UNKNOWN_KEY_CACHE_MILLIS,
            0,
            60_000),
        (int)
            read.integer(
                "DB_POOL_RESERVED",
                PersistenceSettings.defaultReservedConnections(poolSize),
                0,
                poolSize - 1),
        pooler,
        AcquiringStacks.fromSetting(
            read.oneOf(
                "GUARD_STACKS", "after-first-report", "after-first-report", "every-checkout")));
  }

  /**
   * DATABASE_POOLER and DATABASE_MIGRATION_URL, checked against DATABASE_URL (docs/pgbouncer.md).
   */
  private static PoolerSettings pooler(EnvReader read, String url) {
    String kind = read.oneOf("DATABASE_POOLER", "none", "none", "pgbouncer");
    String migrationUrl = read.text("DATABASE_MIGRATION_URL");
    if (migrationUrl != null
        && !migrationUrl.startsWith("jdbc:postgresql:")
        && !migrationUrl.startsWith("jdbc:h2:")) {
      throw new SettingsException(
          "DATABASE_MIGRATION_URL",
          "must be a jdbc:postgresql:// or jdbc:h2: URL, was '"
              + PersistenceSettings.redacted(migrationUrl)
              + "'");
    }
    PoolerSettings pooler =
        kind.equals("pgbouncer")
            ? PoolerSettings.pgbouncer(migrationUrl)
            : new PoolerSettings(PoolerSettings.Kind.NONE, migrationUrl);
    String problem = pooler.problemWith(url);
    if (problem != null) { // the sentence starts with the variable to fix
      int space = problem.indexOf(' ');
      throw new SettingsException(problem.substring(0, space), problem.substring(space + 1));
    }
    return pooler;
  }

  private static LlmSettings llm(EnvReader read) {
    String provider = read.oneOf("LLM_PROVIDER", "simulated", "simulated", "openai", "ollama");
    String apiKey = read.text("LLM_API_KEY");
    if (apiKey == null && LlmProvider.fromId(provider).needsApiKey()) {
      throw new SettingsException(
          "LLM_API_KEY",
          "must be set for LLM_PROVIDER="
              + provider
              + " (a local OpenAI-compatible server that takes no key accepts any value, e.g."
              + " LLM_API_KEY=none)");
    }
    return new LlmSettings(
        provider,
        read.httpUrl("LLM_BASE_URL", null),
        apiKey,
        read.text("LLM_MODEL"),
        Duration.ofMillis(
            read.integer(
                "LLM_CONNECT_TIMEOUT_MS",
                LlmSettings.DEFAULT_CONNECT_TIMEOUT.toMillis(),
                100,
                600_000)),
        Duration.ofMillis(
            read.integer(
                "LLM_TIMEOUT_MS", LlmSettings.DEFAULT_SILENCE_TIMEOUT.toMillis(), 100, 3_600_000)),
        read.integer("SIMULATED_TTFT_MS", 200, 0, 600_000),
        read.decimal("SIMULATED_TOKENS_PER_SECOND", 50, 0.001),
        (int) read.integer("SIMULATED_ANSWER_TOKENS", 40, 1, 100_000));
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return "admin-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Never prints secrets. */
  @Override
  public String toString() {
    return ("Settings[host=%s, port=%d, database=%s, llm=%s, guardMode=%s, chat=%s, web=%s,"
            + " shutdownGrace=%s, demoApp=%s, reliability=%s, answerSpool=%s, embedding=%s,"
            + " annotations=%s, stopRelay=%s, managementHost=%s, managementPort=%s,"
            + " media=%s, limits=%s, authThrottle=%s, tracing=%s]")
        .formatted(
            host,
            port,
            database,
            llm,
            guardMode,
            chat,
            web,
            shutdownGrace,
            demoApp,
            reliability,
            answerSpool,
            embedding,
            annotations,
            stopRelay,
            managementHost,
            managementPort,
            media,
            limits,
            authThrottle,
            tracing);
  }
}
