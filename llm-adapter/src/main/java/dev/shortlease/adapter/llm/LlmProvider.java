package dev.shortlease.adapter.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** LLM adapter: the model providers the configuration can choose. */
public enum LlmProvider {
  /** Offline and deterministic: the default, the demo and the benchmark. */
  SIMULATED("simulated"),
  /** Any OpenAI-compatible chat-completions endpoint. */
  OPENAI("openai"),
  /** An Ollama server's {@code /api/chat}. */
  OLLAMA("ollama");

  private final String id;

  LlmProvider(String id) {
    this.id = id;
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
