package dev.shortlease.adapter.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.shortlease.application.port.out.EmbeddingModelPort;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.domain.EmbeddingVector;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LLM adapter: {@link EmbeddingModelPort} over LangChain4j's {@link EmbeddingModel} (simulated,
 * OpenAI-compatible or Ollama). The model a request names wins (blank: the configured one); one
 * LangChain4j model is built per name and reused. Failures become {@link ModelException}s of the
 * chat model's kinds and are logged for the operator, like the chat model's.
 */
public final class LangChain4jEmbeddingModel implements EmbeddingModelPort {
  private static final Logger LOG = LoggerFactory.getLogger(LangChain4jEmbeddingModel.class);

  private final String provider;
  private final String configuredModelName;
  private final String redactedUrl;
  private final Function<String, EmbeddingModel> factory;
  private final Map<String, EmbeddingModel> byName = new ConcurrentHashMap<>();

  LangChain4jEmbeddingModel(
      String provider,
      String configuredModelName,
      String baseUrl,
      Function<String, EmbeddingModel> factory) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.configuredModelName = Objects.requireNonNull(configuredModelName, "configuredModelName");
    this.redactedUrl = LlmSettings.redact(baseUrl);
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  public static LangChain4jEmbeddingModel fromSettings(EmbeddingSettings settings) {
    return new LangChain4jEmbeddingModel(
        settings.provider(),
        settings.modelName(),
        settings.baseUrl(),
        name -> EmbeddingModels.embeddingModel(settings, name));
  }

  /** The simulated model ignores names, so all its vectors share one key. */
  @Override
  public String modelKey(String model) {
    return provider.equals(LlmProvider.SIMULATED.id())
        ? provider
        : provider + ":" + modelNameFor(model);
  }

  @Override
  public List<EmbeddingVector> embed(String model, List<String> texts) {
    String name = modelNameFor(model);
    try {
      List<Embedding> embeddings =
          byName
              .computeIfAbsent(name, factory)
              .embedAll(texts.stream().map(TextSegment::from).toList())
              .content();
      return embeddings.stream().map(e -> new EmbeddingVector(e.vector())).toList();
    } catch (RuntimeException e) {
      ModelException failure = ErrorMapper.toModelException(e, provider);
      LOG.warn(
          "embedding call failed: provider={} url={} model={}: {} ({})",
          provider,
          redactedUrl.isEmpty() ? "-" : redactedUrl,
          name,
          failure.getMessage(),
          failure.kind());
      throw failure;
    }
  }

  private String modelNameFor(String requested) {
    return requested == null || requested.isBlank() ? configuredModelName : requested.strip();
  }
}
