package dev.shortlease.adapter.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.shortlease.application.port.out.EmbeddingModelPort;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.domain.EmbeddingVector;
import dev.shortlease.domain.Texts;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LLM adapter: {@link EmbeddingModelPort} over LangChain4j's {@link EmbeddingModel} (simulated,
 * OpenAI-compatible or Ollama). The model a request names wins (blank: the configured one); one
 * LangChain4j model is built per name and reused, for the last {@link #MAX_MODELS} names used. Any
 * key holder names models (annotation reply's {@code embedding_model_name}), and each OpenAI or
 * Ollama model holds an HTTP client with a selector thread: kept for every name ever sent, they
 * would grow without end. Failures become {@link ModelException}s of the chat model's kinds and are
 * logged for the operator, like the chat model's.
 */
public final class LangChain4jEmbeddingModel implements EmbeddingModelPort {
  private static final Logger LOG = LoggerFactory.getLogger(LangChain4jEmbeddingModel.class);

  private final String provider;
  private final String configuredModelName;
  private final String redactedUrl;
  private final Duration timeout;
  private final Function<String, EmbeddingModel> factory;
  static final int MAX_MODELS = 16;

  private final Map<String, EmbeddingModel> byName =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EmbeddingModel> eldest) {
          return size() > MAX_MODELS; // dropped, its client goes with the last call using it
        }
      };

  LangChain4jEmbeddingModel(
      String provider,
      String configuredModelName,
      String baseUrl,
      Duration timeout,
      Function<String, EmbeddingModel> factory) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.configuredModelName = Objects.requireNonNull(configuredModelName, "configuredModelName");
    this.redactedUrl = LlmSettings.redact(baseUrl);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  public static LangChain4jEmbeddingModel fromSettings(EmbeddingSettings settings) {
    return new LangChain4jEmbeddingModel(
        settings.provider(),
        settings.modelName(),
        settings.baseUrl(),
        settings.timeout(),
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
      EmbeddingModel embeddingModel = modelNamed(name);
      List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
      return withinTimeout(() -> embeddingModel.embedAll(segments).content()).stream()
          .map(e -> new EmbeddingVector(e.vector()))
          .toList();
    } catch (RuntimeException e) {
      ModelException failure = ErrorMapper.toModelException(e, provider);
      LOG.warn(
          "embedding call failed: provider={} url={} model={}: {} ({})",
          provider,
          redactedUrl.isEmpty() ? "-" : redactedUrl,
          Texts.loggable(name),
          Texts.loggable(failure.getMessage()),
          failure.kind());
      throw failure;
    }
  }

  /**
   * The whole call within {@link #timeout}: the HTTP client's read timeout bounds only the wait for
   * the response headers, not a body that stalls. Past it the call's thread is interrupted, which
   * aborts the request.
   */
  private List<Embedding> withinTimeout(Callable<List<Embedding>> call) {
    FutureTask<List<Embedding>> task = new FutureTask<>(call);
    Thread.ofVirtual().name("embedding-call").start(task);
    try {
      return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new ModelException(
          ModelErrorKind.REQUEST_FAILED,
          provider + " sent no embeddings within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      throw ErrorMapper.toModelException(e.getCause(), provider);
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new ModelException(ModelErrorKind.REQUEST_FAILED, "interrupted while embedding");
    }
  }

  /** Building one makes no call, so holding the lock meanwhile delays no one for long. */
  private EmbeddingModel modelNamed(String name) {
    synchronized (byName) {
      return byName.computeIfAbsent(name, factory);
    }
  }

  /** How many built models are kept (tests). */
  int keptModels() {
    synchronized (byName) {
      return byName.size();
    }
  }

  private String modelNameFor(String requested) {
    return requested == null || requested.isBlank() ? configuredModelName : requested.strip();
  }
}
