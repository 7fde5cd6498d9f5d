package dev.shortlease.application.port.in;

import dev.shortlease.domain.AgentThoughtId;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.TokenUsage;
import java.time.Duration;

/**
 * What the Task Pipeline emits while a message is generated: immutable, IDs and text only. The web
 * adapter maps each to Dify's event of the same name; {@code ping} is the web adapter's own. Every
 * run ends with exactly one {@link MessageEnd} or {@link Failed}.
 */
public sealed interface ChatEvent {

  /** A piece of the answer ({@code message}, or {@code agent_message} in agent mode). */
  record TextChunk(String text) implements ChatEvent {}

  /** An agent iteration was recorded or completed ({@code agent_thought}). */
  record AgentThoughtEvent(
      AgentThoughtId id,
      int position,
      String thought,
      String tool,
      String toolInput,
      String observation)
      implements ChatEvent {}

  /** The answer is complete, stopped, or cut by the time limit; it has been saved. */
  record MessageEnd(TokenUsage usage, Duration latency, MessageStatus status)
      implements ChatEvent {}

  /** The generation failed; what was generated so far has been saved with status {@code error}. */
  record Failed(String code, String message) implements ChatEvent {}

  default boolean isTerminal() {
    return this instanceof MessageEnd || this instanceof Failed;
  }
}
