package dev.shortlease.adapter.llm;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.shortlease.application.port.out.FinishReason;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.application.port.out.TokenSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * LLM adapter internals: hands one stream's callbacks (on the provider's threads) over to the
 * calling thread through a queue, so only the caller touches the sink and nothing reaches it after
 * the call returned. The caller waits untimed; {@link SilenceWatch} puts a {@code Silent} event in
 * the queue when the provider sent nothing for the silence timeout (ADR 0045).
 */
final class StreamRelay implements StreamingChatResponseHandler {

  private sealed interface Event {}

  private record Token(String text) implements Event {}

  private record Completed(ChatResponse response) implements Event {}

  private record Failed(Throwable error) implements Event {}

  private record Stopped() implements Event {}

  /** The provider sent nothing for the silence timeout. */
  private record Silent() implements Event {}

  private final String provider;
  private final ChatRequest request;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private volatile StreamingHandle handle;
  private volatile boolean cancelled;
  private volatile boolean finished;
  private volatile long lastEventNanos = System.nanoTime();

  /**
   * @param request what was sent, for the usage of a stream stopped before the provider's
   */
  StreamRelay(String provider, ChatRequest request) {
    this.provider = provider;
    this.request = request;
  }

  /** Forwards tokens to {@code sink} until the stream ends, fails, stops or falls silent. */
  ModelReply drain(TokenSink sink, StopSignal stop, Duration silenceTimeout) {
    StringBuilder text = new StringBuilder();
    boolean completed = false;
    lastEventNanos = System.nanoTime();
    SilenceWatch.Watch watch =
        SilenceWatch.watch(
            silenceTimeout, () -> lastEventNanos, () -> finished, () -> events.add(new Silent()));
    try {
      while (true) {
        Event event = events.take();
        switch (event) {
          case Silent silent -> throw silence(silenceTimeout);
          case Token token when token.text() == null || token.text().isEmpty() -> {}
          case Token token -> {
            if (stop.isRequested()) {
              return stopped(text);
            }
            text.append(token.text());
            sink.accept(token.text());
          }
          case Stopped stopped -> {
            return stopped(text);
          }
          case Failed failed -> throw ErrorMapper.toModelException(failed.error(), provider);
          case Completed done -> {
            completed = true;
            return ReplyMapper.toModelReply(done.response(), text.toString(), sink, stop);
          }
        }
      }
    } catch (InterruptedException e) {
      // An interrupted caller is treated like a stop: keep the text, keep the interrupt.
      Thread.currentThread().interrupt();
      return stopped(text);
    } finally {
      finished = true;
      watch.cancel();
      events.clear();
      if (!completed) {
        cancel();
      }
    }
  }

  /** Stop-signal callback: wakes the draining thread and cancels the provider request at once. */
  void stopRequested() {
    events.add(new Stopped());
    cancel();
  }

  /** Cancels the provider request now, or as soon as the provider hands out its handle. */
  void cancel() {
    cancelled = true;
    StreamingHandle current = handle;
    if (current != null && !current.isCancelled()) {
      current.cancel();
    }
  }

  private ModelException silence(Duration timeout) {
    return new ModelException(
        ModelErrorKind.REQUEST_FAILED,
        provider + " model sent nothing for " + timeout.toMillis() + " ms; request cancelled");
  }

  private ModelReply stopped(StringBuilder text) {
    String so = text.toString();
    return new ModelReply(so, List.of(), StoppedUsage.estimate(request, so), FinishReason.STOPPED);
  }

  private void remember(StreamingHandle streamingHandle) {
    if (streamingHandle == null || handle == streamingHandle) {
      return;
    }
    handle = streamingHandle;
    if (cancelled) {
      streamingHandle.cancel();
    }
  }

  private void offer(Event event) {
    if (!finished && !cancelled) {
      lastEventNanos = System.nanoTime();
      events.add(event);
    }
  }

  /** Progress that is not text (a tool-call delta, thinking): only the silence timer hears it. */
  private void progressed() {
    lastEventNanos = System.nanoTime();
  }

  @Override
  public void onPartialResponse(String partialResponse) {
    offer(new Token(partialResponse));
  }

  @Override
  public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
    remember(context == null ? null : context.streamingHandle());
    offer(new Token(partial.text()));
  }

  @Override
  public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
    remember(context == null ? null : context.streamingHandle());
    progressed();
  }

  @Override
  public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
    remember(context == null ? null : context.streamingHandle());
    progressed();
  }

  @Override
  public void onCompleteToolCall(CompleteToolCall completeToolCall) {
    progressed();
  }

  @Override
  public void onCompleteResponse(ChatResponse completeResponse) {
    offer(new Completed(completeResponse));
  }

  @Override
  public void onError(Throwable error) {
    offer(new Failed(error));
  }
}
