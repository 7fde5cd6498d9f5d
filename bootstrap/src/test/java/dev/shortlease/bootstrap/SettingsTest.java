package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.adapter.persistence.StatementTimeouts;
import dev.shortlease.adapter.web.InputsLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

  @Test
  @DisplayName(
      "with no environment, the service runs on 8080 with embedded H2 and the simulated model")
  void defaults() {
    Settings settings = Settings.fromEnvironment(Map.of());

    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.database().jdbcUrl())
        .startsWith(Settings.DEFAULT_H2_URL + ";MODE=PostgreSQL")
        .endsWith(";DB_CLOSE_ON_EXIT=FALSE");
    assertThat(settings.database().poolSize()).isEqualTo(10);
    assertThat(settings.database().appCacheTtlMillis()).isEqualTo(2_000);
    assertThat(settings.llm().provider()).isEqualTo("simulated");
    assertThat(settings.guardMode()).isEqualTo("strict");
    assertThat(settings.chat().executionTimeLimit()).isEqualTo(Duration.ofSeconds(600));
    assertThat(settings.web().pingInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(8));
    assertThat(settings.reliability().finalSaveRetry()).isEqualTo(Duration.ofSeconds(120));
    assertThat(settings.reliability().instanceLease()).isEqualTo(Duration.ofSeconds(15));
    assertThat(settings.reliability().admissionPermits()).isEqualTo(40);
    assertThat(settings.reliability().admissionQueue()).isEqualTo(2_000);
    assertThat(settings.reliability().admissionWait()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.answerSpool()).isEqualTo(Path.of(Settings.DEFAULT_ANSWER_SPOOL));
    assertThat(settings.web().blockingTimeout())
        .as("no answer outlives the time limit plus the final save's retries")
        .isEqualTo(Duration.ofSeconds(600 + 120 + 30));
    assertThat(settings.web().corsAllowOrigins()).as("Dify's default").containsExactly("*");
    assertThat(settings.demoApp()).isTrue();
    assertThat(settings.adminTokenGenerated()).isTrue();
    assertThat(settings.adminToken()).hasSizeGreaterThan(20);
  }

  @Test
  @DisplayName("DATABASE_USER defaults to sa without DATABASE_URL and to empty with one (README)")
  void databaseUserDefault() {
    Settings explicit =
        Settings.fromEnvironment(Map.of("DATABASE_URL", "jdbc:h2:file:./data/shortlease"));

    assertThat(Settings.fromEnvironment(Map.of()).database().user()).isEqualTo("sa");
    assertThat(explicit.database().user())
        .as("unchanged since the first start: an H2 file made with the empty user stays openable")
        .isNull();
  }

  @Test
  @DisplayName("every variable is read into its setting")
  void readsEveryVariable() {
    Settings settings =
        Settings.fromEnvironment(
            Map.ofEntries(
                Map.entry("PORT", "9000"),
                Map.entry("ADMIN_TOKEN", "a-long-enough-admin-token"),
                Map.entry("DATABASE_URL", "jdbc:postgresql://db:5432/app"),
                Map.entry("DATABASE_USER", "app"),
                Map.entry("DATABASE_PASSWORD", "secret"),
                Map.entry("DB_POOL_SIZE", "20"),
                Map.entry("DB_CONNECTION_TIMEOUT_MS", "1500"),
                Map.entry("DB_LEAK_THRESHOLD_MS", "0"),
                Map.entry("DB_MAX_LIFETIME_MS", "60000"),
                Map.entry("APP_CACHE_TTL_MS", "0"),
                Map.entry("LLM_PROVIDER", "openai"),
                Map.entry("LLM_BASE_URL", "http://llm:8000/v1"),
                Map.entry("LLM_API_KEY", "sk-x"),
                Map.entry("LLM_MODEL", "gpt-x"),
                Map.entry("LLM_TIMEOUT_MS", "5000"),
                Map.entry("GUARD_MODE", "warn"),
                Map.entry("MAX_EXECUTION_SECONDS", "30"),
                Map.entry("SHUTDOWN_GRACE_SECONDS", "5"),
                Map.entry("MAX_BODY_BYTES", "4096"),
                Map.entry("FINAL_SAVE_RETRY_SECONDS", "60"),
                Map.entry("INSTANCE_LEASE_SECONDS", "6"),
                Map.entry("CHAT_ADMISSION_PERMITS", "7"),
                Map.entry("CHAT_ADMISSION_QUEUE", "50"),
                Map.entry("CHAT_ADMISSION_WAIT_MS", "2500"),
                Map.entry("ANSWER_SPOOL_DIR", "/var/spool/shortlease"),
                Map.entry("CORS_ALLOW_ORIGINS", "https://chat.example.com, http://localhost:3000"),
                Map.entry("DEMO_APP", "false")));

    assertThat(settings.port()).isEqualTo(9000);
    assertThat(settings.adminTokenGenerated()).isFalse();
    assertThat(settings.database().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app");
    assertThat(settings.database().user()).isEqualTo("app");
    assertThat(settings.database().poolSize()).isEqualTo(20);
    assertThat(settings.database().connectionTimeoutMillis()).isEqualTo(1500);
    assertThat(settings.database().leakDetectionThresholdMillis()).isZero();
    assertThat(settings.database().maxLifetimeMillis()).isEqualTo(60_000);
    assertThat(settings.database().appCacheTtlMillis()).isZero();
    assertThat(settings.llm().provider()).isEqualTo("openai");
    assertThat(settings.llm().modelName()).isEqualTo("gpt-x");
    assertThat(settings.llm().silenceTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.guardMode()).isEqualTo("warn");
    assertThat(settings.chat().executionTimeLimit()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.web().maxBodyBytes()).isEqualTo(4096);
    assertThat(settings.reliability().finalSaveRetry()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.reliability().instanceLease()).isEqualTo(Duration.ofSeconds(6));
    assertThat(settings.reliability().heartbeatInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.reliability().admissionPermits()).isEqualTo(7);
    assertThat(settings.reliability().admissionQueue()).isEqualTo(50);
    assertThat(settings.reliability().admissionWait()).isEqualTo(Duration.ofMillis(2500));
    assertThat(settings.answerSpool()).isEqualTo(Path.of("/var/spool/shortlease"));
    assertThat(settings.web().corsAllowOrigins())
        .containsExactly("https://chat.example.com", "http://localhost:3000");
    assertThat(settings.demoApp()).isFalse();
    assertThat(settings.toString()).doesNotContain("secret").doesNotContain("sk-x");
  }

  @Test
  @DisplayName("the demo app is made by default only on the embedded database, or when asked")
  void demoAppOnlyOnTheEmbeddedDefault() {
    String postgres = "jdbc:postgresql://db:5432/app";
    assertThat(Settings.fromEnvironment(Map.of()).demoApp()).isTrue();
    assertThat(Settings.fromEnvironment(Map.of("DATABASE_URL", postgres)).demoApp()).isFalse();
    assertThat(Settings.fromEnvironment(Map.of("DATABASE_URL", "jdbc:h2:mem:x")).demoApp())
        .isFalse();
    assertThat(
            Settings.fromEnvironment(Map.of("DATABASE_URL", postgres, "DEMO_APP", "true"))
                .demoApp())
        .isTrue();
  }

  @Test
  @DisplayName("a bad DATABASE_URL is named without the credentials it carries")
  void badDatabaseUrlIsRedacted() {
    assertThatThrownBy(
            () ->
                Settings.fromEnvironment(
                    Map.of("DATABASE_URL", "jdbc:mysql://u:Pa55wd@db/app?password=Pa55wd")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("jdbc:mysql://****@db/app?password=****")
        .hasMessageNotContaining("Pa55wd");
    Settings settings =
        Settings.fromEnvironment(
            Map.of("DATABASE_URL", "jdbc:postgresql://db/app?user=a&password=Pa55wd"));
    assertThat(settings.toString()).contains("password=****").doesNotContain("Pa55wd");
  }

  @Test
  @DisplayName(
      "the Kubernetes sample's admin token, applied unchanged, stops the start without printing"
          + " it")
  void sampleAdminTokenIsRefused() throws Exception {
    String secret = Files.readString(Path.of("..", "deploy", "k8s", "secret.yaml"));
    Matcher sample = Pattern.compile("ADMIN_TOKEN: \"([^\"]+)\"").matcher(secret);
    assertThat(sample.find()).as("deploy/k8s/secret.yaml sets ADMIN_TOKEN").isTrue();
    String token = sample.group(1);
    assertThat(token).hasSizeGreaterThanOrEqualTo(16); // the length check alone would take it

    for (String placeholder : List.of(token, token.toUpperCase(Locale.ROOT))) {
      assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("ADMIN_TOKEN", placeholder)))
          .isInstanceOf(SettingsException.class)
          .hasMessageStartingWith("ADMIN_TOKEN is still the sample's placeholder")
          .hasMessageNotContaining(token);
    }
    assertThat(
            Settings.fromEnvironment(Map.of("ADMIN_TOKEN", "admin-q8Zt1uV0pLm3Rx7YcK2w"))
                .adminToken())
        .isEqualTo("admin-q8Zt1uV0pLm3Rx7YcK2w");
  }

  @ParameterizedTest(name = "{0}={1} fails naming {0}")
  @CsvSource({
    "PORT, eighty",
    "PORT, 70000",
    "ADMIN_TOKEN, short",
    "DATABASE_URL, mysql://db/app",
    "DB_POOL_SIZE, 0",
    "DB_CONNECTION_TIMEOUT_MS, 10",
    "DB_LEAK_THRESHOLD_MS, 500",
    "APP_CACHE_TTL_MS, -1",
    "APP_CACHE_TTL_MS, 10001",
    "STOP_RELAY_RATE, 0",
    "MANAGEMENT_PORT, 70000",
    "MANAGEMENT_PORT, 8080",
    "LLM_PROVIDER, claude-direct",
    "SIMULATED_TOKENS_PER_SECOND, fast",
    "GUARD_MODE, loud",
    "GUARD_STACKS, sometimes",
    "MAX_EXECUTION_SECONDS, 0",
    "MAX_BODY_BYTES, 10",
    "DEMO_APP, maybe",
    "FINAL_SAVE_RETRY_SECONDS, 0",
    "INSTANCE_LEASE_SECONDS, 2",
    "CHAT_ADMISSION_QUEUE, -1",
    "SHUTDOWN_GRACE_SECONDS, 0",
    "CORS_ALLOW_ORIGINS, chat.example.com",
    "CORS_ALLOW_ORIGINS, https://chat.example.com/app",
    "UNKNOWN_KEY_CACHE_MS, 60001",
    "DB_POOL_RESERVED, 10",
    "AUTH_FAILURE_LIMIT, -1",
    "AUTH_FAILURE_WINDOW_SECONDS, 0",
    "READINESS_PROBE_INTERVAL_MS, 10",
    "APP_MAX_ACTIVE_REQUESTS, -1",
    "END_USER_MAX_ACTIVE_REQUESTS, many",
    "SIDE_CALLS_MAX, 0",
    "SIDE_CALL_TIMEOUT_MS, 0",
    "TRUSTED_PROXIES, proxy.internal",
    "TRUSTED_PROXIES, 10.0.0.0/33",
    "TRUSTED_PROXIES, 999.1.1.1",
    "LLM_BASE_URL, notaurl",
    "LLM_BASE_URL, ftp://llm:8000/v1",
    "EMBEDDING_BASE_URL, localhost:11434"
  })
  void badValueNamesTheVariable(String variable, String value) {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of(variable, value)))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith(variable + " ");
  }

  @Test
  @DisplayName("CORS_ALLOW_ORIGINS=none turns CORS off")
  void corsOff() {
    assertThat(
            Settings.fromEnvironment(Map.of("CORS_ALLOW_ORIGINS", "none")).web().corsAllowOrigins())
        .isEmpty();
  }

  @Test
  @DisplayName("the pool and limit settings: defaults, and every variable read")
  void limitSettings() {
    Settings defaults = Settings.fromEnvironment(Map.of());
    assertThat(defaults.database().reservedConnections()).isEqualTo(1);
    assertThat(defaults.database().unknownKeyCacheMillis()).isEqualTo(2_000);
    assertThat(defaults.limits()).isEqualTo(dev.shortlease.application.LimitSettings.DEFAULTS);
    assertThat(defaults.authThrottle().failureLimit()).isEqualTo(20);
    assertThat(defaults.authThrottle().trustedProxies()).isEmpty();
    assertThat(
            Settings.fromEnvironment(Map.of("DB_POOL_SIZE", "1")).database().reservedConnections())
        .as("a pool of one keeps nothing back")
        .isZero();

    Settings set =
        Settings.fromEnvironment(
            Map.ofEntries(
                Map.entry("DB_POOL_RESERVED", "2"),
                Map.entry("UNKNOWN_KEY_CACHE_MS", "0"),
                Map.entry("AUTH_FAILURE_LIMIT", "0"),
                Map.entry("AUTH_FAILURE_WINDOW_SECONDS", "30"),
                Map.entry("TRUSTED_PROXIES", " 10.0.0.5, 10.0.0.0/8 ,"),
                Map.entry("READINESS_PROBE_INTERVAL_MS", "500"),
                Map.entry("APP_MAX_ACTIVE_REQUESTS", "50"),
                Map.entry("END_USER_MAX_ACTIVE_REQUESTS", "0"),
                Map.entry("SIDE_CALLS_MAX", "2"),
                Map.entry("SIDE_CALL_TIMEOUT_MS", "1500")));
    assertThat(set.database().reservedConnections()).isEqualTo(2);
    assertThat(set.database().unknownKeyCacheMillis()).isZero();
    assertThat(set.authThrottle().failureLimit()).isZero();
    assertThat(set.authThrottle().window()).isEqualTo(Duration.ofSeconds(30));
    assertThat(set.authThrottle().trustedProxies())
        .containsExactlyInAnyOrder("10.0.0.5", "10.0.0.0/8");
    assertThat(set.limits().readinessProbeInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(set.limits().appMaxActiveRequests()).isEqualTo(50);
    assertThat(set.limits().endUserMaxActiveRequests()).isZero();
    assertThat(set.limits().sideCalls()).isEqualTo(2);
    assertThat(set.limits().sideCallTimeLimit()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  @DisplayName("LLM_PROVIDER=openai without LLM_API_KEY stops the start; Ollama needs no key")
  void openAiNeedsAKey() {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("LLM_PROVIDER", "openai")))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("LLM_API_KEY must be set for LLM_PROVIDER=openai")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(
            () -> Settings.fromEnvironment(Map.of("LLM_PROVIDER", "OpenAI", "LLM_API_KEY", "  ")))
        .hasMessageStartingWith("LLM_API_KEY ");
    assertThat(Settings.fromEnvironment(Map.of("LLM_PROVIDER", "ollama")).llm().apiKey()).isEmpty();
  }

  @Test
  @DisplayName("bounded input and work: inputs caps, history budget, statement and lock timeouts")
  void boundsAreSettings() {
    Settings defaults = Settings.fromEnvironment(Map.of());
    Settings set =
        Settings.fromEnvironment(
            Map.of(
                "INPUTS_MAX_KEYS", "5",
                "INPUTS_MAX_BYTES", "1000",
                "HISTORY_BUDGET_CHARS", "0",
                "DB_STATEMENT_TIMEOUT_MS", "1000",
                "DB_LOCK_TIMEOUT_MS", "0"));

    assertThat(defaults.web().inputsLimits()).isEqualTo(new InputsLimits(50, 16_384));
    assertThat(defaults.chat().historyChars()).isEqualTo(16_000);
    assertThat(defaults.database().timeouts()).isEqualTo(new StatementTimeouts(30_000, 5_000));
    assertThat(set.web().inputsLimits()).isEqualTo(new InputsLimits(5, 1_000));
    assertThat(set.chat().historyChars()).isZero();
    assertThat(set.database().timeouts()).isEqualTo(new StatementTimeouts(1_000, 0));
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("DB_LOCK_TIMEOUT_MS", "-1")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("DB_LOCK_TIMEOUT_MS");
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("INPUTS_MAX_BYTES", "lots")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("INPUTS_MAX_BYTES");
  }

  @Test
  @DisplayName(
      "annotation reply's embedding model: simulated by default, the chat provider's URL and key"
          + " when it is the same provider, its own settings otherwise")
  void embeddingSettings() {
    Settings defaults = Settings.fromEnvironment(Map.of());
    assertThat(defaults.embedding().provider()).isEqualTo("simulated");
    assertThat(defaults.annotations().maxAnnotationsPerApp()).isEqualTo(2_000);

    Settings shared =
        Settings.fromEnvironment(
            Map.of(
                "LLM_PROVIDER", "openai",
                "LLM_BASE_URL", "http://llm:8000/v1",
                "LLM_API_KEY", "sk-chat",
                "EMBEDDING_PROVIDER", "openai"));
    assertThat(shared.embedding().baseUrl()).isEqualTo("http://llm:8000/v1");
    assertThat(shared.embedding().apiKey()).isEqualTo("sk-chat");
    assertThat(shared.embedding().modelName()).isEqualTo("text-embedding-3-small");
    assertThat(shared.toString()).doesNotContain("sk-chat");

    Settings own =
        Settings.fromEnvironment(
            Map.of(
                "EMBEDDING_PROVIDER", "ollama",
                "EMBEDDING_BASE_URL", "http://ollama:11434",
                "EMBEDDING_MODEL", "all-minilm",
                "EMBEDDING_TIMEOUT_MS", "1500",
                "ANNOTATION_REPLY_MAX_ANNOTATIONS", "50"));
    assertThat(own.embedding().baseUrl()).isEqualTo("http://ollama:11434");
    assertThat(own.embedding().modelName()).isEqualTo("all-minilm");
    assertThat(own.embedding().timeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(own.annotations().maxAnnotationsPerApp()).isEqualTo(50);
  }

  @ParameterizedTest
  @CsvSource({
    "EMBEDDING_PROVIDER, cohere",
    "EMBEDDING_PROVIDER, openai",
    "EMBEDDING_TIMEOUT_MS, 0",
    "ANNOTATION_REPLY_MAX_ANNOTATIONS, 0",
    "ANNOTATION_REPLY_MAX_ANNOTATIONS, many"
  })
  @DisplayName("a bad embedding or annotation setting stops the start naming the variable")
  void badEmbeddingSettings(String name, String value) {
    String named =
        name.equals("EMBEDDING_PROVIDER") && value.equals("openai")
            ? "EMBEDDING_API_KEY" // openai without a key
            : name;
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of(name, value)))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining(named);
  }
}
