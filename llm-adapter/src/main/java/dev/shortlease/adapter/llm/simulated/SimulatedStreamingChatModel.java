package dev.shortlease.adapter.llm.simulated;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.Objects;

/**
 * Simulated provider: an offline, deterministic LangChain4j streaming model that stands in for a
 * slow real one. The same request always gets the same answer; timing is set by the time to first
 * token and the tokens per second. Each stream runs on its own virtual thread, so thousands of
 * concurrent streams cost memory, not platform threads.
 */
public final class SimulatedStreamingChatModel implements StreamingChatModel {
  private final long timeToFirstTokenNanos;
  private final long nanosPerToken;
  private final int answerTokens;

  /**
   * @param timeToFirstToken delay before the first token
   * @param tokensPerSecond streaming rate after the first token
   * @param answerTokens length of a plain answer, in tokens (one word each)
   */
  public SimulatedStreamingChatModel(
      Duration timeToFirstToken, double tokensPerSecond, int answerTokens) {
    Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
    if (timeToFirstToken.isNegative()) {
      throw new IllegalArgumentException("timeToFirstToken must not be negative");
    }
    if (!(tokensPerSecond > 0)) {
      throw new IllegalArgumentException("tokensPerSecond must be positive");
    }
    if (answerTokens < 1) {
      throw new IllegalArgumentException("answerTokens must be at least 1");
    }
    this.timeToFirstTokenNanos = timeToFirstToken.toNanos();
    this.nanosPerToken = (long) (1_000_000_000L / tokensPerSecond);
    this.answerTokens = answerTokens;
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    SimulatedReply reply = SimulatedScript.replyTo(request, answerTokens);
    SimulatedStream stream =
        new SimulatedStream(reply, handler, timeToFirstTokenNanos, nanosPerToken);
    Thread.ofVirtual().name("simulated-llm-stream").start(stream);
  }
}
