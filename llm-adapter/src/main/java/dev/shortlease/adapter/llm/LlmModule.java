package dev.shortlease.adapter.llm;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.RemoteImagePort;
import dev.shortlease.application.port.out.SpeechPort;
import java.util.Objects;

/**
 * Guice module of the LLM adapter: binds {@link ChatModelPort} and {@link SpeechPort} to the
 * configured provider, and {@link RemoteImagePort} to the checked downloader of image URLs (also
 * bound as {@link HttpImageFetcher}, whose meters the composition root registers).
 */
public final class LlmModule extends AbstractModule {
  private final LlmSettings settings;
  private final MediaModelSettings media;
  private final RemoteImageSettings remoteImages;

  public LlmModule(LlmSettings settings) {
    this(settings, MediaModelSettings.defaults());
  }

  public LlmModule(LlmSettings settings, MediaModelSettings media) {
    this(settings, media, RemoteImageSettings.defaults());
  }

  public LlmModule(
      LlmSettings settings, MediaModelSettings media, RemoteImageSettings remoteImages) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.media = Objects.requireNonNull(media, "media");
    this.remoteImages = Objects.requireNonNull(remoteImages, "remoteImages");
  }

  @Provides
  @Singleton
  ChatModelPort chatModelPort() {
    return LangChain4jChatModel.fromSettings(settings).withVision(media.vision());
  }

  @Provides
  @Singleton
  SpeechPort speechPort() {
    return LangChain4jSpeech.fromSettings(settings, media);
  }

  @Provides
  @Singleton
  HttpImageFetcher imageFetcher() {
    return new HttpImageFetcher(remoteImages);
  }

  @Provides
  @Singleton
  RemoteImagePort remoteImagePort(HttpImageFetcher fetcher) {
    return fetcher;
  }
}
