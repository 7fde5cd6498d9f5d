package dev.shortlease.application.port.out;

/** Why the model's reply ended. */
public enum FinishReason {
  /** The model finished its answer. */
  STOP,
  /** The answer hit the token limit. */
  LENGTH,
  /** The model asks for tool calls before it can answer. */
  TOOL_CALLS,
  /** The caller's {@link StopSignal} ended it; the text is what came before. */
  STOPPED
}
