package dev.shortlease.adapter.llm;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.FinishReason;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.application.port.out.TokenSink;
import dev.shortlease.domain.ModelSettings;
import dev.shortlease.domain.Texts;
import dev.shortlease.domain.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LLM adapter: the chat model port on any LangChain4j {@link StreamingChatModel} (simulated,
 * OpenAI-compatible, Ollama). Streams tokens to the caller's sink on the caller's own thread,
 * enforces a silence timeout between tokens, honours the stop signal and maps provider errors to
 * {@link ModelException}s, each logged here with the provider, its URL (redacted) and the cause:
 * the client sees Dify's error codes, the operator sees what went wrong.
 */
public final class LangChain4jChatModel implements ChatModelPort {
  private static final Logger LOG = LoggerFactory.getLogger(LangChain4jChatModel.class);
  private final StreamingChatModel model;
  private final String provider;
  private final String redactedUrl;
  private final List<String> secretsInUrl;
  private final String configuredModelName;
  private final Duration silenceTimeout;
  private final boolean vision;
  private final String baseUrl;

  /**
   * Ollama takes only inline images: LangChain4j would download a URL itself, unchecked (an SSRF),
   * so the application downloads it through {@code RemoteImagePort} instead.
   */
  private final boolean takesImageLinks;

  /**
   * @param provider a label for error messages ("openai", "ollama", "simulated")
   * @param configuredModelName used when the request's model is blank or "simulated"
   * @param silenceTimeout the longest wait for the first token and between two tokens
   */
  public LangChain4jChatModel(
      StreamingChatModel model,
      String provider,
      String configuredModelName,
      Duration silenceTimeout) {
    this(model, provider, "", configuredModelName, silenceTimeout);
  }

  /**
   * @param baseUrl where the provider is, for the failure log (which shows it redacted, and scrubs
   *     its secrets from the provider's messages)
   */
  public LangChain4jChatModel(
      StreamingChatModel model,
      String provider,
      String baseUrl,
      String configuredModelName,
      Duration silenceTimeout) {
    this(model, provider, baseUrl, configuredModelName, silenceTimeout, false);
  }

  private LangChain4jChatModel(
      StreamingChatModel model,
      String provider,
      String baseUrl,
      String configuredModelName,
      Duration silenceTimeout,
      boolean vision) {
    this.vision = vision;
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.model = Objects.requireNonNull(model, "model");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.takesImageLinks = !LlmProvider.OLLAMA.id().equalsIgnoreCase(provider.strip());
    this.redactedUrl = LlmSettings.redact(Objects.requireNonNull(baseUrl, "baseUrl"));
    this.secretsInUrl = LlmSettings.secretsIn(baseUrl);
    this.configuredModelName = Objects.requireNonNull(configuredModelName, "configuredModelName");
    this.silenceTimeout = Objects.requireNonNull(silenceTimeout, "silenceTimeout");
    if (silenceTimeout.isNegative() || silenceTimeout.isZero()) {
      throw new IllegalArgumentException("silenceTimeout must be positive");
    }
  }

  /** Builds the adapter and the provider's model that {@code settings} choose. */
  public static LangChain4jChatModel fromSettings(LlmSettings settings) {
    return new LangChain4jChatModel(
        ProviderModels.streamingModel(settings),
        settings.provider(),
        settings.baseUrl(),
        settings.modelName(),
        settings.silenceTimeout());
  }

  /**
   * This adapter, told whether its model sees images ({@link MediaModelSettings#vision()}): only
   * then are a message's images sent, as LangChain4j {@code ImageContent} parts.
   */
  public LangChain4jChatModel withVision(boolean on) {
    return new LangChain4jChatModel(
        model, provider, baseUrl, configuredModelName, silenceTimeout, on);
  }

  @Override
  public boolean supportsVision() {
    return vision;
  }

  @Override
  public boolean takesImageLinks() {
    return takesImageLinks;
  }

  @Override
  public ModelReply chat(ModelRequest request, TokenSink tokens, StopSignal stop) {
    String modelName = modelNameFor(request.settings());
    try {
      return stream(request, modelName, tokens, stop);
    } catch (ModelException e) {
      LOG.warn(
          "model call failed: provider={} url={} model={}: {} ({}){}",
          provider,
          redactedUrl.isEmpty() ? "-" : redactedUrl,
          Texts.loggable(modelName),
          Texts.loggable(scrub(e.getMessage())),
          e.kind(),
          Texts.loggable(scrub(causeOf(e))));
      // The message goes only to the operator's log, under the request's ID (clients get a fixed
      // sentence): name the endpoint there too, which an unresolved host's exception does not.
      throw new ModelException(
          e.kind(),
          scrub(e.getMessage()) + " (url " + (redactedUrl.isEmpty() ? "-" : redactedUrl) + ")",
          e);
    }
  }

  /** A provider's message may quote the URL it called: keep the URL's secrets out of the log. */
  private String scrub(String text) {
    String clean = String.valueOf(text);
    for (String secret : secretsInUrl) {
      clean = clean.replace(secret, "***");
    }
    return clean;
  }

  private static String causeOf(ModelException e) {
    Throwable cause = e.getCause();
    return cause == null ? "" : "; cause: " + cause;
  }

  private ModelReply stream(
      ModelRequest request, String modelName, TokenSink tokens, StopSignal stop) {
    if (stop.isRequested()) {
      return new ModelReply("", List.of(), TokenUsage.NONE, FinishReason.STOPPED);
    }
    ChatRequest chatRequest;
    try {
      chatRequest = RequestMapper.toChatRequest(request, modelName, takesImageLinks);
    } catch (RuntimeException e) {
      throw ErrorMapper.toModelException(e, provider);
    }
    StreamRelay relay = new StreamRelay(provider, chatRequest);
    // Registered for this call only: an agent's run calls the model once per step.
    try (StopSignal.Registration stopsRelay = stop.onRequest(relay::stopRequested)) {
      try {
        model.chat(chatRequest, relay);
      } catch (RuntimeException e) {
        relay.cancel();
        throw ErrorMapper.toModelException(e, provider);
      }
      return relay.drain(tokens, stop, silenceTimeout);
    }
  }

  /**
   * The request's model wins unless it is blank or the placeholder "simulated", so apps can pick a
   * model per app while the configured one serves apps that did not choose.
   */
  String modelNameFor(ModelSettings settings) {
    return settings.modelOr(configuredModelName);
  }
}
