package dev.shortlease.adapter.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** LLM adapter: the model providers the configuration can choose. */
public enum LlmProvider {
  /** Offline and deterministic: the default, the demo and the benchmark. */
  SIMULATED("simulated", false, ""),
  /** Any OpenAI-compatible chat-completions endpoint; it sends the key as a bearer token. */
  OPENAI("openai", true, "https://api.openai.com/v1"),
  /** An Ollama server's {@code /api/chat}: no key. */
  OLLAMA("ollama", false, "http://localhost:11434");

  private final String id;
  private final boolean needsApiKey;
  private final String defaultBaseUrl;

  LlmProvider(String id, boolean needsApiKey, String defaultBaseUrl) {
    this.id = id;
    this.needsApiKey = needsApiKey;
    this.defaultBaseUrl = defaultBaseUrl;
  }

  /** The provider's usual address, for chat and embedding models alike. */
  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  /** True when calls carry an API key, so an empty one is a configuration mistake. */
  public boolean needsApiKey() {
    return needsApiKey;
  }

  /** The name used in configuration ({@code LLM_PROVIDER}). */
  public String id() {
    return id;
  }

  /** Reads a configured name, case-insensitively; unknown names fail with the valid ones listed. */
  public static LlmProvider fromId(String name) {
    String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(provider -> provider.id.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown LLM provider '"
                        + name
                        + "'; valid providers: "
                        + Arrays.stream(values())
                            .map(LlmProvider::id)
                            .collect(Collectors.joining(", "))));
  }
}
