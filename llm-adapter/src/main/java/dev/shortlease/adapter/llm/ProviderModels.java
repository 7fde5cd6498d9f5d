package dev.shortlease.adapter.llm;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.shortlease.adapter.llm.simulated.SimulatedStreamingChatModel;
import java.time.Duration;

/** LLM adapter internals: builds the LangChain4j streaming model that the settings name. */
final class ProviderModels {
  private ProviderModels() {}

  static StreamingChatModel streamingModel(LlmSettings settings) {
    return switch (settings.kind()) {
      case SIMULATED ->
          new SimulatedStreamingChatModel(
              Duration.ofMillis(settings.simulatedTimeToFirstTokenMillis()),
              settings.simulatedTokensPerSecond(),
              settings.simulatedAnswerTokens());
      case OPENAI ->
          OpenAiStreamingChatModel.builder()
              .httpClientBuilder(httpClient(settings))
              .baseUrl(settings.baseUrl())
              .apiKey(requireKey(settings))
              .modelName(settings.modelName())
              .build();
      case OLLAMA ->
          OllamaStreamingChatModel.builder()
              .httpClientBuilder(httpClient(settings))
              .baseUrl(settings.baseUrl())
              .modelName(settings.modelName())
              .build();
    };
  }

  /** No silent placeholder: a provider that sends a key gets the configured one or none at all. */
  private static String requireKey(LlmSettings settings) {
    if (settings.apiKey().isEmpty()) {
      throw new IllegalArgumentException(
          "LLM_API_KEY must be set for LLM_PROVIDER=" + settings.provider());
    }
    return settings.apiKey();
  }

  /**
   * The connect timeout bounds the TCP/TLS handshake; the read timeout bounds the wait for the
   * response headers. Once the body streams, the adapter's silence watchdog takes over.
   */
  static VirtualThreadHttpClient.Builder httpClient(LlmSettings settings) {
    return VirtualThreadHttpClient.builder()
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.silenceTimeout());
  }
}
