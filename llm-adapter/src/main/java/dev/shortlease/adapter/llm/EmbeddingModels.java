package dev.shortlease.adapter.llm;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.shortlease.adapter.llm.simulated.SimulatedEmbeddingModel;

/** LLM adapter internals: builds the LangChain4j embedding model the settings name. */
final class EmbeddingModels {
  private EmbeddingModels() {}

  static EmbeddingModel embeddingModel(EmbeddingSettings settings, String modelName) {
    return switch (settings.kind()) {
      case SIMULATED -> new SimulatedEmbeddingModel();
      case OPENAI ->
          OpenAiEmbeddingModel.builder()
              .httpClientBuilder(httpClient(settings))
              .baseUrl(settings.baseUrl())
              .apiKey(requireKey(settings))
              .modelName(modelName)
              .maxRetries(0) // a failure is reported at once; the caller decides what to do
              .build();
      case OLLAMA ->
          OllamaEmbeddingModel.builder()
              .httpClientBuilder(httpClient(settings))
              .baseUrl(settings.baseUrl())
              .modelName(modelName)
              .maxRetries(0)
              .build();
    };
  }

  private static String requireKey(EmbeddingSettings settings) {
    if (settings.apiKey().isEmpty()) {
      throw new IllegalArgumentException(
          "EMBEDDING_API_KEY must be set for EMBEDDING_PROVIDER=" + settings.provider());
    }
    return settings.apiKey();
  }

  private static VirtualThreadHttpClient.Builder httpClient(EmbeddingSettings settings) {
    return VirtualThreadHttpClient.builder()
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.timeout());
  }
}
