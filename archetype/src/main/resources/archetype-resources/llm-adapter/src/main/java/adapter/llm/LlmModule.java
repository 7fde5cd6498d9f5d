package ${package}.adapter.llm;

import ${package}.application.port.out.AnswerPort;
import com.google.inject.AbstractModule;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Objects;

/**
 * Binds {@link AnswerPort} to an OpenAI-compatible model. The composition root guards the binding
 * (it is a {@code @LongCall} port), so nothing here knows about connections.
 */
public final class LlmModule extends AbstractModule {
  private final LlmSettings settings;

  public LlmModule(LlmSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  protected void configure() {
    bind(AnswerPort.class).toInstance(new LlmAnswers(model(settings)));
  }

  static OpenAiChatModel model(LlmSettings settings) {
    return OpenAiChatModel.builder()
        .httpClientBuilder(JdkHttpClient.builder())
        .baseUrl(settings.baseUrl())
        .apiKey(settings.apiKey())
        .modelName(settings.model())
        .timeout(settings.timeout())
        .maxRetries(0)
        .build();
  }
}
