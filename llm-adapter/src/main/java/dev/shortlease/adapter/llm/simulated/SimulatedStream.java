package dev.shortlease.adapter.llm.simulated;

import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Simulated provider: plays one planned reply to a handler on the current (virtual) thread, each
 * token at its scheduled instant so delays do not drift. Cancelling interrupts the sleep at once.
 */
final class SimulatedStream implements Runnable, StreamingHandle {
  private final SimulatedReply reply;
  private final StreamingChatResponseHandler handler;
  private final long timeToFirstTokenNanos;
  private final long nanosPerToken;
  private volatile boolean cancelled;
  private volatile Thread runner;

  SimulatedStream(
      SimulatedReply reply,
      StreamingChatResponseHandler handler,
      long timeToFirstTokenNanos,
      long nanosPerToken) {
    this.reply = reply;
    this.handler = handler;
    this.timeToFirstTokenNanos = timeToFirstTokenNanos;
    this.nanosPerToken = nanosPerToken;
  }

  @Override
  public void run() {
    runner = Thread.currentThread();
    long start = System.nanoTime();
    try {
      PartialResponseContext context = new PartialResponseContext(this);
      for (int i = 0; i < reply.tokens().size(); i++) {
        sleepUntil(start + timeToFirstTokenNanos + i * nanosPerToken);
        if (cancelled) {
          return;
        }
        handler.onPartialResponse(new PartialResponse(reply.tokens().get(i)), context);
      }
      sleepUntil(start + timeToFirstTokenNanos + reply.tokens().size() * nanosPerToken);
      if (!cancelled) {
        handler.onCompleteResponse(reply.toChatResponse());
      }
    } catch (RuntimeException e) {
      if (!cancelled) {
        handler.onError(e);
      }
    }
  }

  private void sleepUntil(long deadline) {
    long remaining;
    while (!cancelled && (remaining = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(remaining);
    }
  }

  @Override
  public void cancel() {
    cancelled = true;
    Thread thread = runner;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }
}
