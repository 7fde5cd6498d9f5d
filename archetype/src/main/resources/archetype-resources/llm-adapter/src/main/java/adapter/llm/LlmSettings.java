package ${package}.adapter.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * An OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI, vLLM, Ollama's /v1, ...).
 *
 * @param baseUrl e.g. {@code https://api.openai.com/v1} or {@code http://localhost:11434/v1}
 * @param timeout longest wait for the whole answer
 */
public record LlmSettings(String baseUrl, String apiKey, String model, Duration timeout) {
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  public static final String DEFAULT_MODEL = "gpt-4o-mini";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public LlmSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw new IllegalArgumentException("baseUrl must start with http:// or https://");
    }
    apiKey = apiKey == null ? "" : apiKey;
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model must not be blank");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "LlmSettings[baseUrl=%s, model=%s, timeout=%s]".formatted(baseUrl, model, timeout);
  }
}
