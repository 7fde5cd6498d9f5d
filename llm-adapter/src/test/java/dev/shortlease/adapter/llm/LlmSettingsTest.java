package dev.shortlease.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {

  @Test
  @DisplayName("with nothing configured the provider is simulated with its default knobs")
  void defaultsToSimulated() {
    LlmSettings settings = LlmSettings.fromEnvironment(Map.of());

    assertThat(settings.kind()).isEqualTo(LlmProvider.SIMULATED);
    assertThat(settings.modelName()).isEqualTo("simulated");
    assertThat(settings.simulatedTimeToFirstTokenMillis()).isEqualTo(200);
    assertThat(settings.simulatedTokensPerSecond()).isEqualTo(50);
    assertThat(settings.simulatedAnswerTokens()).isEqualTo(40);
    assertThat(settings.connectTimeout()).isEqualTo(LlmSettings.DEFAULT_CONNECT_TIMEOUT);
    assertThat(settings.silenceTimeout()).isEqualTo(LlmSettings.DEFAULT_SILENCE_TIMEOUT);
    assertThat(settings).isEqualTo(LlmSettings.simulated());
  }

  @Test
  @DisplayName("reads every LLM_ variable from the environment")
  void readsTheEnvironment() {
    LlmSettings settings =
        LlmSettings.fromEnvironment(
            Map.of(
                "LLM_PROVIDER", "OpenAI",
                "LLM_BASE_URL", "http://localhost:8000/v1",
                "LLM_API_KEY", "sk-secret",
                "LLM_MODEL", "qwen",
                "LLM_CONNECT_TIMEOUT_MS", "1500",
                "LLM_SILENCE_TIMEOUT_MS", "30000",
                "LLM_SIM_TTFT_MS", "10",
                "LLM_SIM_TOKENS_PER_SECOND", "200",
                "LLM_SIM_ANSWER_TOKENS", "7"));

    assertThat(settings)
        .isEqualTo(
            new LlmSettings(
                "openai",
                "http://localhost:8000/v1",
                "sk-secret",
                "qwen",
                Duration.ofMillis(1500),
                Duration.ofSeconds(30),
                10,
                200,
                7));
  }

  @Test
  @DisplayName("each provider gets its own default base URL and model")
  void providerDefaults() {
    LlmSettings openai = new LlmSettings("openai", null, null, null, null, null, 0, 1, 1);
    LlmSettings ollama = new LlmSettings("ollama", " ", null, "", null, null, 0, 1, 1);

    assertThat(openai.baseUrl()).isEqualTo("https://api.openai.com/v1");
    assertThat(openai.modelName()).isEqualTo("gpt-4o-mini");
    assertThat(ollama.baseUrl()).isEqualTo("http://localhost:11434");
    assertThat(ollama.modelName()).isEqualTo("llama3.2");
  }

  @Test
  @DisplayName("an unknown provider is rejected with the valid ones listed")
  void unknownProvider() {
    assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of("LLM_PROVIDER", "gemini")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown LLM provider 'gemini'; valid providers: simulated, openai, ollama");
  }

  @Test
  @DisplayName("timeouts and simulated knobs must be sensible")
  void rejectsBadValues() {
    assertThatThrownBy(
            () -> new LlmSettings("simulated", null, null, null, Duration.ZERO, null, 0, 1, 1))
        .hasMessageContaining("connectTimeout");
    assertThatThrownBy(
            () ->
                new LlmSettings(
                    "simulated", null, null, null, null, Duration.ofMillis(-1), 0, 1, 1))
        .hasMessageContaining("silenceTimeout");
    assertThatThrownBy(() -> LlmSettings.simulated(-1, 1, 1))
        .hasMessageContaining("TimeToFirstToken");
    assertThatThrownBy(() -> LlmSettings.simulated(0, 0, 1))
        .hasMessageContaining("TokensPerSecond");
    assertThatThrownBy(() -> LlmSettings.simulated(0, 1, 0)).hasMessageContaining("AnswerTokens");
    assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of("LLM_SIM_TTFT_MS", "soon")))
        .hasMessageContaining("LLM_SIM_TTFT_MS");
  }

  @Test
  @DisplayName("toString never shows the API key")
  void toStringHidesTheKey() {
    LlmSettings settings = new LlmSettings("openai", null, "sk-secret", null, null, null, 0, 1, 1);

    assertThat(settings.toString()).doesNotContain("sk-secret").contains("apiKey=****");
  }
}
