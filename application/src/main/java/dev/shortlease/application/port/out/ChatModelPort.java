package dev.shortlease.application.port.out;

/** Outbound port: a chat model that streams its answer. A long call: no connection is held. */
@LongCall
public interface ChatModelPort {

  /**
   * Sends {@code request} and blocks until the model has finished, streaming text tokens to {@code
   * tokens} as they arrive. When {@code stop} is requested, forwarding ends promptly, the provider
   * request is cancelled where possible, and the reply carries the text so far with {@link
   * FinishReason#STOPPED}.
   *
   * @throws ModelException when the provider fails; tokens already forwarded stay valid
   */
  ModelReply chat(ModelRequest request, TokenSink tokens, StopSignal stop);

  /**
   * True when the model sees images ({@link ModelMessage.User#images()}); the application reads an
   * attached image's bytes only then, and a model that does not gets the text alone.
   */
  default boolean supportsVision() {
    return false;
  }

  /**
   * True when an image the client named by URL may be passed on as that URL ({@link
   * ModelImage.Link}): the provider downloads it from its own network (OpenAI). False when the
   * provider takes only inline images (Ollama): the application downloads it first, through {@link
   * RemoteImagePort}, and sends the bytes.
   */
  default boolean takesImageLinks() {
    return true;
  }
}
