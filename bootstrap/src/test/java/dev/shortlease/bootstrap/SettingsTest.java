package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
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
        .startsWith(Settings.DEFAULT_H2_URL + ";MODE=PostgreSQL");
    assertThat(settings.database().poolSize()).isEqualTo(10);
    assertThat(settings.database().appCacheTtlMillis()).isEqualTo(2_000);
    assertThat(settings.llm().provider()).isEqualTo("simulated");
    assertThat(settings.guardMode()).isEqualTo("strict");
    assertThat(settings.chat().executionTimeLimit()).isEqualTo(Duration.ofSeconds(600));
    assertThat(settings.web().pingInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.demoApp()).isTrue();
    assertThat(settings.adminTokenGenerated()).isTrue();
    assertThat(settings.adminToken()).hasSizeGreaterThan(20);
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
    assertThat(settings.demoApp()).isFalse();
    assertThat(settings.toString()).doesNotContain("secret").doesNotContain("sk-x");
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
    "APP_CACHE_TTL_MS, 600001",
    "LLM_PROVIDER, claude-direct",
    "SIMULATED_TOKENS_PER_SECOND, fast",
    "GUARD_MODE, loud",
    "MAX_EXECUTION_SECONDS, 0",
    "MAX_BODY_BYTES, 10",
    "DEMO_APP, maybe"
  })
  void badValueNamesTheVariable(String variable, String value) {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of(variable, value)))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith(variable + " ");
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
}
