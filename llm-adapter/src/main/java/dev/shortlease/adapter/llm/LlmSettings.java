package dev.shortlease.adapter.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * LLM adapter configuration: which provider, where it is, and how long to wait. Blank values take
 * the provider's defaults; the {@code simulated*} knobs only matter for the simulated provider.
 *
 * @param provider {@code simulated} (default), {@code openai} or {@code ollama}
 * @param baseUrl the provider's API root (OpenAI default {@code https://api.openai.com/v1}, Ollama
 *     default {@code http://localhost:11434}); unused by {@code simulated}
 * @param apiKey the OpenAI-compatible API key; may be blank for local endpoints
 * @param modelName the model used when an app's settings name none (blank or "simulated")
 * @param connectTimeout how long to wait for the TCP/TLS connection
 * @param silenceTimeout how long to wait for the first token and between two tokens
 * @param simulatedTimeToFirstTokenMillis the simulated model's delay before its first token
 * @param simulatedTokensPerSecond the simulated model's streaming rate
 * @param simulatedAnswerTokens the simulated model's answer length, in tokens (words)
 */
public record LlmSettings(
    String provider,
    String baseUrl,
    String apiKey,
    String modelName,
    Duration connectTimeout,
    Duration silenceTimeout,
    long simulatedTimeToFirstTokenMillis,
    double simulatedTokensPerSecond,
    int simulatedAnswerTokens) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_SILENCE_TIMEOUT = Duration.ofSeconds(60);

  public LlmSettings {
    LlmProvider kind =
        LlmProvider.fromId(provider == null || provider.isBlank() ? "simulated" : provider);
    provider = kind.id();
    baseUrl = isBlank(baseUrl) ? kind.defaultBaseUrl() : baseUrl.strip();
    apiKey = apiKey == null ? "" : apiKey.strip();
    modelName = isBlank(modelName) ? defaultModel(kind) : modelName.strip();
    connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
    silenceTimeout = positive(silenceTimeout, DEFAULT_SILENCE_TIMEOUT, "silenceTimeout");
    if (simulatedTimeToFirstTokenMillis < 0) {
      throw new IllegalArgumentException("simulatedTimeToFirstTokenMillis must not be negative");
    }
    if (!(simulatedTokensPerSecond > 0) || Double.isInfinite(simulatedTokensPerSecond)) {
      throw new IllegalArgumentException("simulatedTokensPerSecond must be a positive number");
    }
    if (simulatedAnswerTokens < 1) {
      throw new IllegalArgumentException("simulatedAnswerTokens must be at least 1");
    }
  }

  /**
   * The simulated provider with its default knobs: 200 ms to first token, 50 tokens/s, 40 tokens.
   */
  public static LlmSettings simulated() {
    return simulated(200, 50, 40);
  }

  public static LlmSettings simulated(
      long timeToFirstTokenMillis, double tokensPerSecond, int answerTokens) {
    return new LlmSettings(
        "simulated",
        null,
        null,
        null,
        null,
        null,
        timeToFirstTokenMillis,
        tokensPerSecond,
        answerTokens);
  }

  /** The provider as an enum. */
  public LlmProvider kind() {
    return LlmProvider.fromId(provider);
  }

  /**
   * The base URL as it may be shown and logged: without user info (a password may hide there) and
   * without its query string (some gateways take the key as a parameter).
   */
  public String redactedBaseUrl() {
    return redact(baseUrl);
  }

  static String redact(String url) {
    String shown = url;
    int query = shown.indexOf('?');
    if (query >= 0) {
      shown = shown.substring(0, query);
    }
    int scheme = shown.indexOf("://");
    int at = shown.indexOf('@', scheme < 0 ? 0 : scheme + 3);
    int slash = shown.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    if (scheme >= 0 && at >= 0 && (slash < 0 || at < slash)) {
      shown = shown.substring(0, scheme + 3) + "***@" + shown.substring(at + 1);
    }
    return shown;
  }

  /** The parts of a URL that {@link #redact} hides: its user info and its query string. */
  static List<String> secretsIn(String url) {
    List<String> secrets = new ArrayList<>();
    int query = url.indexOf('?');
    String beforeQuery = query < 0 ? url : url.substring(0, query);
    if (query >= 0 && query + 1 < url.length()) {
      secrets.add(url.substring(query + 1));
    }
    int scheme = beforeQuery.indexOf("://");
    int at = beforeQuery.indexOf('@', scheme < 0 ? 0 : scheme + 3);
    int slash = beforeQuery.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    if (scheme >= 0 && at >= 0 && (slash < 0 || at < slash)) {
      secrets.add(beforeQuery.substring(scheme + 3, at));
    }
    return secrets;
  }

  /** Never prints the API key. */
  @Override
  public String toString() {
    return "LlmSettings[provider=%s, baseUrl=%s, apiKey=%s, modelName=%s, connectTimeout=%s, silenceTimeout=%s, simulated=%d ms/%.1f tps/%d tokens]"
        .formatted(
            provider,
            redactedBaseUrl(),
            apiKey.isEmpty() ? "(none)" : "****",
            modelName,
            connectTimeout,
            silenceTimeout,
            simulatedTimeToFirstTokenMillis,
            simulatedTokensPerSecond,
            simulatedAnswerTokens);
  }

  private static String defaultModel(LlmProvider kind) {
    return switch (kind) {
      case OPENAI -> "gpt-4o-mini";
      case OLLAMA -> "llama3.2";
      case SIMULATED -> "simulated";
    };
  }

  static Duration positive(Duration value, Duration fallback, String name) {
    Duration chosen = Objects.requireNonNullElse(value, fallback);
    if (chosen.isNegative() || chosen.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return chosen;
  }

  static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
