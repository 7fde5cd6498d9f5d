package dev.shortlease.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.shortlease.adapter.llm.LlmModule;
import dev.shortlease.adapter.llm.LlmSettings;
import dev.shortlease.adapter.persistence.tracking.ConnectionTracker;
import dev.shortlease.application.agent.ConversationStatsTool;
import dev.shortlease.application.agent.CurrentTimeTool;
import dev.shortlease.application.agent.Tool;
import dev.shortlease.application.port.out.ChatModelPort;

/**
 * Composition root: the one place where long calls get their guard (rule R3). The LLM adapter's
 * model is built in its own small injector and bound as {@link RawModel}; what the application
 * receives as {@link ChatModelPort}, and every agent tool, is that object behind {@link
 * Guards#longCall}.
 */
final class GuardModule extends AbstractModule {
  private final LlmSettings llm;
  private final String mode;

  GuardModule(LlmSettings llm, String mode) {
    this.llm = llm;
    this.mode = mode;
  }

  @Provides
  @Singleton
  @RawModel
  ChatModelPort rawModel() {
    return Guice.createInjector(new LlmModule(llm)).getInstance(ChatModelPort.class);
  }

  @Provides
  @Singleton
  ChatModelPort guardedModel(@RawModel ChatModelPort raw, ConnectionTracker tracker) {
    return Guards.longCall(ChatModelPort.class, raw, tracker, mode);
  }

  @ProvidesIntoSet
  Tool currentTime(ConnectionTracker tracker) {
    return Guards.longCall(Tool.class, new CurrentTimeTool(), tracker, mode);
  }

  @ProvidesIntoSet
  Tool conversationStats(ConversationStatsTool tool, ConnectionTracker tracker) {
    return Guards.longCall(Tool.class, tool, tracker, mode);
  }
}
