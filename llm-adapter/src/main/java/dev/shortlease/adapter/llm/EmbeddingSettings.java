package dev.shortlease.adapter.llm;

import java.time.Duration;

/**
 * LLM adapter: the embedding model's configuration (annotation reply). Blank values take the
 * provider's defaults; {@link #toString()} masks the key.
 *
 * @param provider {@code simulated}, {@code openai} or {@code ollama}
 * @param modelName the model used when a request names none
 * @param connectTimeout how long to wait for the provider to accept the connection
 * @param timeout the longest wait for one embedding response
 */
public record EmbeddingSettings(
    String provider,
    String baseUrl,
    String apiKey,
    String modelName,
    Duration connectTimeout,
    Duration timeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public EmbeddingSettings {
    LlmProvider kind =
        LlmProvider.fromId(provider == null || provider.isBlank() ? "simulated" : provider);
    provider = kind.id();
    baseUrl = LlmSettings.isBlank(baseUrl) ? kind.defaultBaseUrl() : baseUrl.strip();
    apiKey = apiKey == null ? "" : apiKey.strip();
    modelName = LlmSettings.isBlank(modelName) ? defaultModel(kind) : modelName.strip();
    connectTimeout =
        LlmSettings.positive(connectTimeout, LlmSettings.DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
    timeout = LlmSettings.positive(timeout, DEFAULT_TIMEOUT, "timeout");
  }

  /** The offline, deterministic embeddings (hashed bag of words). */
  public static EmbeddingSettings simulated() {
    return new EmbeddingSettings("simulated", null, null, null, null, null);
  }

  public LlmProvider kind() {
    return LlmProvider.fromId(provider);
  }

  @Override
  public String toString() {
    return "EmbeddingSettings[provider="
        + provider
        + ", baseUrl="
        + LlmSettings.redact(baseUrl)
        + ", apiKey="
        + (apiKey.isEmpty() ? "" : "***")
        + ", modelName="
        + modelName
        + ", connectTimeout="
        + connectTimeout
        + ", timeout="
        + timeout
        + "]";
  }

  private static String defaultModel(LlmProvider kind) {
    return switch (kind) {
      case OPENAI -> "text-embedding-3-small";
      case OLLAMA -> "nomic-embed-text";
      case SIMULATED -> "simulated";
    };
  }
}
