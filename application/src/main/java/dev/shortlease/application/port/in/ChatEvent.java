package dev.shortlease.application.port.in;

import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.domain.AgentThoughtId;
import dev.shortlease.domain.AnnotationId;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.TokenUsage;
import dev.shortlease.domain.ToolInput;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the Task Pipeline emits while a message is generated: immutable, IDs and text only. The web
 * adapter maps each to Dify's event of the same name; {@code ping} is the web adapter's own. Every
 * run ends with exactly one {@link MessageEnd} or {@link Failed}.
 */
public sealed interface ChatEvent {

  /** A piece of the answer ({@code message}, or {@code agent_message} in agent mode). */
  record TextChunk(String text) implements ChatEvent {}

  /**
   * An agent iteration was recorded or completed ({@code agent_thought}); {@code toolInput} and
   * {@code observation} are shaped as in {@link dev.shortlease.domain.AgentThought}.
   */
  record AgentThoughtEvent(
      AgentThoughtId id,
      int position,
      String thought,
      String tool,
      ToolInput toolInput,
      Map<String, String> observation)
      implements ChatEvent {
    public AgentThoughtEvent {
      toolInput = toolInput == null ? ToolInput.NONE : toolInput;
      observation =
          observation == null
              ? Map.of()
              : Collections.unmodifiableMap(new LinkedHashMap<>(observation));
    }
  }

  /**
   * The whole answer is an annotation's (annotation reply: no model was called); published once,
   * before {@link MessageEnd}. Dify streams it as plain {@code message} events in every chat mode.
   */
  record AnnotationReply(AnnotationId annotationId, String answer) implements ChatEvent {}

  /**
   * The answer is complete, stopped, or cut by the time limit; it has been saved.
   *
   * @param annotationReply the annotation that gave the answer, or {@code null}
   */
  record MessageEnd(
      TokenUsage usage, Duration latency, MessageStatus status, AnnotationId annotationReply)
      implements ChatEvent {

    public MessageEnd(TokenUsage usage, Duration latency, MessageStatus status) {
      this(usage, latency, status, null);
    }
  }

  /**
   * The generation failed; what was generated so far has been saved with status {@code error}.
   *
   * @param modelError how the model failed, or {@code null} when the failure was internal
   * @param message what the client may be told, written by this service (never an exception's
   *     text); {@code null} leaves it to the adapter's fixed message for the failure's kind
   * @param detail what happened, for the operator's log only (may name hosts, classes, bodies)
   * @param invalidInput the client's input failed ({@link #invalidInput}), not the service
   */
  record Failed(ModelErrorKind modelError, String message, String detail, boolean invalidInput)
      implements ChatEvent {

    public Failed(ModelErrorKind modelError, String message, String detail) {
      this(modelError, message, detail, false);
    }

    /** The model failed; {@code detail} goes to the log, the client gets its kind's message. */
    public static Failed model(ModelErrorKind kind, String detail) {
      return new Failed(kind, null, detail);
    }

    /** A failure of this service, not of the model, with a message fit for the client. */
    public static Failed internal(String message) {
      return new Failed(null, message, null);
    }

    /**
     * An unexpected failure: the client gets the adapter's fixed message, the log {@code detail}.
     */
    public static Failed unexpected(String detail) {
      return new Failed(null, null, detail);
    }

    /**
     * What the client sent cannot be used (a remote image that could not be fetched): {@code
     * message} tells the client why, Dify's {@code invalid_param}.
     */
    public static Failed invalidInput(String message, String detail) {
      return new Failed(null, message, detail, true);
    }

    public boolean isInternal() {
      return modelError == null;
    }
  }

  default boolean isTerminal() {
    return this instanceof MessageEnd || this instanceof Failed;
  }
}
