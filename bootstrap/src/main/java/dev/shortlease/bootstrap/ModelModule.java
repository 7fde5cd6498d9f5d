package dev.shortlease.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.shortlease.adapter.llm.EmbeddingSettings;
import dev.shortlease.adapter.llm.HttpImageFetcher;
import dev.shortlease.adapter.llm.LangChain4jEmbeddingModel;
import dev.shortlease.adapter.llm.LlmModule;
import dev.shortlease.adapter.llm.LlmSettings;
import dev.shortlease.adapter.llm.MediaModelSettings;
import dev.shortlease.adapter.llm.RemoteImageSettings;
import dev.shortlease.application.agent.ConversationStatsTool;
import dev.shortlease.application.agent.CurrentTimeTool;
import dev.shortlease.application.agent.Tool;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.EmbeddingModelPort;
import dev.shortlease.application.port.out.RemoteImagePort;
import dev.shortlease.application.port.out.SpeechPort;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Composition root: the chat model and the agent tools, the service's long calls. The LLM adapter's
 * ports (model, speech, image downloads) come from its own small injector, built once; the model is
 * bound as {@link RawModel} (tests replace that one binding); {@link ChatModelPort} is it, measured
 * ({@link MeasuredChatModel}). Nothing here guards: the guardrails kit guards every binding of a
 * {@code @LongCall} type, these included (see {@link Composition}).
 */
final class ModelModule extends AbstractModule {
  private final LlmSettings llm;
  private final EmbeddingSettings embedding;
  private final MediaModelSettings media;
  private final RemoteImageSettings remoteImages;
  private Injector adapter;

  ModelModule(
      LlmSettings llm,
      EmbeddingSettings embedding,
      MediaModelSettings media,
      RemoteImageSettings remoteImages) {
    this.llm = llm;
    this.embedding = embedding;
    this.media = media;
    this.remoteImages = remoteImages;
  }

  /** The model the application calls: the raw one, measured and drawn on the live page. */
  @Provides
  @Singleton
  ChatModelPort model(
      @RawModel ChatModelPort raw,
      ModelCallMetrics metrics,
      ActivityRecorder recorder,
      ConnectionTracker tracker) {
    return new MeasuredChatModel(raw, metrics, recorder, tracker, llm.modelName());
  }

  @Provides
  @Singleton
  @RawModel
  ChatModelPort rawModel() {
    return adapter().getInstance(ChatModelPort.class);
  }

  /** Speech to text and text to speech: a long call, guarded like the chat model. */
  @Provides
  @Singleton
  SpeechPort speech() {
    return adapter().getInstance(SpeechPort.class);
  }

  /**
   * Images named by URL, downloaded for a model that takes only inline images: a long call, guarded
   * like the chat model. Its name lookups are meters: abandoned ones are a name server that does
   * not answer.
   */
  @Provides
  @Singleton
  RemoteImagePort remoteImages(MeterRegistry registry) {
    HttpImageFetcher fetcher = adapter().getInstance(HttpImageFetcher.class);
    ImageLookupMeters.bindTo(registry, fetcher.nameLookups());
    return fetcher;
  }

  /** The LLM adapter's own injector, built once for the three ports it binds. */
  private synchronized Injector adapter() {
    if (adapter == null) {
      adapter = Guice.createInjector(new LlmModule(llm, media, remoteImages));
    }
    return adapter;
  }

  /** Annotation reply's embedding model: guarded like the chat model (a {@code @LongCall} type). */
  @Provides
  @Singleton
  EmbeddingModelPort embeddingModel() {
    return LangChain4jEmbeddingModel.fromSettings(embedding);
  }

  @ProvidesIntoSet
  Tool currentTime() {
    return new CurrentTimeTool();
  }

  @ProvidesIntoSet
  Tool conversationStats(ConversationStatsTool tool) {
    return tool;
  }
}
