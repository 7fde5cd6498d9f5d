package dev.shortlease.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.FinishReason;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.RemoteImagePort;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.domain.ModelSettings;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LlmModuleTest {

  @Test
  @DisplayName("binds one ChatModelPort, the LangChain4j adapter, for the configured provider")
  void bindsTheChatModelPort() {
    Injector injector = Guice.createInjector(new LlmModule(LlmSettings.simulated(0, 1000, 3)));

    ChatModelPort port = injector.getInstance(ChatModelPort.class);
    ModelReply reply =
        port.chat(
            new ModelRequest(
                ModelSettings.DEFAULT, List.of(new ModelMessage.User("Hi")), List.of()),
            token -> {},
            StopSignal.never());

    assertThat(port).isInstanceOf(LangChain4jChatModel.class);
    assertThat(injector.getInstance(ChatModelPort.class)).isSameAs(port);
    assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(reply.usage().completionTokens()).isEqualTo(3);
  }

  @Test
  @DisplayName("builds the OpenAI and Ollama providers without contacting them")
  void buildsHttpProvidersLazily() {
    for (String provider : List.of("openai", "ollama")) {
      Injector injector =
          Guice.createInjector(
              new LlmModule(
                  new LlmSettings(provider, "http://127.0.0.1:9", "k", "m", null, null, 0, 1, 1)));

      assertThat(injector.getInstance(ChatModelPort.class))
          .isInstanceOf(LangChain4jChatModel.class);
    }
  }

  @Test
  @DisplayName(
      "Ollama takes no image links, OpenAI does; remote images are fetched by the checked"
          + " downloader")
  void bindsTheRemoteImagePort() {
    for (String provider : List.of("openai", "ollama")) {
      Injector injector =
          Guice.createInjector(
              new LlmModule(
                  new LlmSettings(provider, "http://127.0.0.1:9", "k", "m", null, null, 0, 1, 1),
                  MediaModelSettings.defaults().withVision(true),
                  RemoteImageSettings.defaults()));

      assertThat(injector.getInstance(ChatModelPort.class).takesImageLinks())
          .isEqualTo(provider.equals("openai"));
      RemoteImagePort images = injector.getInstance(RemoteImagePort.class);
      assertThat(images).isInstanceOf(HttpImageFetcher.class);
      assertThat(injector.getInstance(RemoteImagePort.class)).isSameAs(images);
    }
  }
}
