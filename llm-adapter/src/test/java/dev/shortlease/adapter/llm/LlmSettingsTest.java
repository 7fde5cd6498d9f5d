package dev.shortlease.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {

  @Test
  @DisplayName("with nothing configured the provider is simulated with its default knobs")
  void defaultsToSimulated() {
    LlmSettings settings = new LlmSettings("simulated", null, null, null, null, null, 200, 50, 40);

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
  @DisplayName("provider names are case-insensitive and the given values are kept")
  void keepsGivenValues() {
    LlmSettings settings =
        new LlmSettings(
            "OpenAI",
            "http://localhost:8000/v1",
            "sk-secret",
            "qwen",
            Duration.ofMillis(1500),
            Duration.ofSeconds(30),
            10,
            200,
            7);

    assertThat(settings.kind()).isEqualTo(LlmProvider.OPENAI);
    assertThat(settings.baseUrl()).isEqualTo("http://localhost:8000/v1");
    assertThat(settings.modelName()).isEqualTo("qwen");
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(settings.silenceTimeout()).isEqualTo(Duration.ofSeconds(30));
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
    assertThatThrownBy(() -> new LlmSettings("gemini", null, null, null, null, null, 0, 1, 1))
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
  }

  @Test
  @DisplayName("toString never shows the API key")
  void toStringHidesTheKey() {
    LlmSettings settings = new LlmSettings("openai", null, "sk-secret", null, null, null, 0, 1, 1);

    assertThat(settings.toString()).doesNotContain("sk-secret").contains("apiKey=****");
  }

  @Test
  @DisplayName("the shown base URL drops user info and query string, which may carry secrets")
  void redactsTheBaseUrl() {
    assertThat(LlmSettings.redact("https://bob:pa55@gw.example.com/v1?api-key=k1"))
        .isEqualTo("https://***@gw.example.com/v1");
    assertThat(LlmSettings.redact("http://localhost:11434")).isEqualTo("http://localhost:11434");
    assertThat(LlmSettings.secretsIn("https://bob:pa55@gw.example.com/v1?api-key=k1"))
        .containsExactlyInAnyOrder("api-key=k1", "bob:pa55");
    LlmSettings settings =
        new LlmSettings("openai", "https://bob:pa55@gw/v1", "sk", null, null, null, 0, 1, 1);
    assertThat(settings.redactedBaseUrl()).isEqualTo("https://***@gw/v1");
    assertThat(settings.toString()).doesNotContain("pa55");
  }

  @Test
  @DisplayName("only OpenAI-compatible providers need an API key, and get no placeholder")
  void apiKeyNeeds() {
    assertThat(LlmProvider.OPENAI.needsApiKey()).isTrue();
    assertThat(LlmProvider.OLLAMA.needsApiKey()).isFalse();
    assertThat(LlmProvider.SIMULATED.needsApiKey()).isFalse();
    assertThatThrownBy(
            () ->
                LangChain4jChatModel.fromSettings(
                    new LlmSettings("openai", null, " ", null, null, null, 0, 1, 1)))
        .hasMessage("LLM_API_KEY must be set for LLM_PROVIDER=openai");
  }
}
