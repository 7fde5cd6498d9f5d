package dev.shortlease.application.chat;

import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.ChatRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole run consumed at once, for Dify's {@code blocking} response mode: the answer text, the
 * final state of each agent thought, and the terminal event ({@link ChatEvent.MessageEnd} or {@link
 * ChatEvent.Failed}). The runner always ends (the execution time limit bounds it); {@code maxWait}
 * is a safety net above that limit.
 */
public record BlockingReply(
    String answer, List<ChatEvent.AgentThoughtEvent> thoughts, ChatEvent terminal) {

  public BlockingReply {
    thoughts = List.copyOf(thoughts);
  }

  /**
   * Reads the run to its terminal event. After {@code maxWait} the run is disconnected (so it is
   * saved as stopped) and the reply ends with a {@link ChatEvent.Failed} of its own.
   */
  public static BlockingReply collect(ChatRun run, Duration maxWait) throws InterruptedException {
    long deadline = System.nanoTime() + maxWait.toNanos();
    StringBuilder answer = new StringBuilder();
    Map<Object, ChatEvent.AgentThoughtEvent> thoughts = new LinkedHashMap<>();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        run.disconnect();
        ChatEvent timeout = new ChatEvent.Failed(RunEnding.INTERNAL_ERROR, "Timed out");
        return new BlockingReply(answer.toString(), new ArrayList<>(thoughts.values()), timeout);
      }
      ChatEvent event =
          run.nextEvent(Duration.ofNanos(Math.min(left, 1_000_000_000L))).orElse(null);
      switch (event) {
        case null -> {}
        case ChatEvent.TextChunk chunk -> answer.append(chunk.text());
        case ChatEvent.AgentThoughtEvent thought -> thoughts.put(thought.id(), thought);
        case ChatEvent.MessageEnd end -> {
          return new BlockingReply(answer.toString(), new ArrayList<>(thoughts.values()), end);
        }
        case ChatEvent.Failed failed -> {
          return new BlockingReply(answer.toString(), new ArrayList<>(thoughts.values()), failed);
        }
      }
    }
  }

  public boolean failed() {
    return terminal instanceof ChatEvent.Failed;
  }
}
