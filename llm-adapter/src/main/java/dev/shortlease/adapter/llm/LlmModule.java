package dev.shortlease.adapter.llm;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.shortlease.application.port.out.ChatModelPort;
import java.util.Objects;

/** Guice module of the LLM adapter: binds {@link ChatModelPort} to the configured provider. */
public final class LlmModule extends AbstractModule {
  private final LlmSettings settings;

  public LlmModule(LlmSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Provides
  @Singleton
  ChatModelPort chatModelPort() {
    return LangChain4jChatModel.fromSettings(settings);
  }
}
