package dev.shortlease.benchmark.springosiv;

import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The service's simulated model with the same schedule: token {@code i} at {@code start + ttft + i
 * × (1 s / tokensPerSecond)}, the end one interval after the last token, so a chat takes {@code
 * ttft + answerTokens / tokensPerSecond}. Blocking, as a model client on virtual threads would be.
 */
@Component
public class SimulatedChatModel {

  private static final String[] WORDS = {
    "the", "service", "keeps", "every", "database", "session", "short", "while", "tokens", "stream",
    "to", "the", "client", "and", "no", "connection", "waits", "for", "a", "model"
  };

  private final SimulatedModelProperties properties;

  public SimulatedChatModel(SimulatedModelProperties properties) {
    this.properties = properties;
  }

  /** Streams the answer to {@code query} token by token; returns when the answer is complete. */
  public void stream(String query, Consumer<String> onToken) {
    long start = System.nanoTime();
    long ttft = properties.timeToFirstToken().toNanos();
    long perToken = (long) (1_000_000_000L / properties.tokensPerSecond());
    SplittableRandom random = new SplittableRandom(query.hashCode());
    int tokens = properties.answerTokens();
    for (int i = 0; i < tokens; i++) {
      sleepUntil(start + ttft + i * perToken);
      String word = WORDS[random.nextInt(WORDS.length)];
      onToken.accept(i == 0 ? word : " " + word);
    }
    sleepUntil(start + ttft + tokens * perToken);
  }

  public int answerTokens() {
    return properties.answerTokens();
  }

  private static void sleepUntil(long deadline) {
    long remaining;
    while ((remaining = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(remaining);
    }
  }
}
