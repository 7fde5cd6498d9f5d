package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.domain.AnnotationId;
import dev.shortlease.domain.AppMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Web adapter: a run's events and its blocking answer in Dify's wire shapes. Every event carries
 * {@code message_id}, {@code created_at} (Unix seconds) and, for chat modes, {@code
 * conversation_id}; all but {@code error} carry {@code task_id}. The stream writes its frequent
 * events with {@link EventWriter}, the same bytes without these maps.
 */
final class ChatWire {
  private ChatWire() {}

  /** The blocking-mode answer; {@code conversationId} is null (omitted) for completion apps. */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record BlockingAnswer(
      String event,
      String taskId,
      String id,
      String messageId,
      String conversationId,
      String mode,
      String answer,
      Map<String, Object> metadata,
      long createdAt) {}

  static BlockingAnswer blocking(ChatRun run, String answer, ChatEvent.MessageEnd end) {
    return new BlockingAnswer(
        "message",
        run.taskId().toString(),
        run.messageId().toString(),
        run.messageId().toString(),
        conversationIdOrNull(run),
        WireEnums.mode(run.mode()),
        answer,
        metadata(end),
        createdAt(run));
  }

  /**
   * The {@code data:} payloads of one event: one, except for an annotation reply, which Dify's
   * {@code direct_output} streams as one {@code message} event per character, in every chat mode.
   */
  static List<Map<String, Object>> events(ChatRun run, ChatEvent event) {
    if (event instanceof ChatEvent.AnnotationReply reply) {
      return reply
          .answer()
          .codePoints()
          .mapToObj(
              c -> {
                Map<String, Object> e = common(run, "message");
                e.put("answer", Character.toString(c));
                return e;
              })
          .toList();
    }
    return List.of(event(run, event));
  }

  /** The {@code data:} payload of one event. */
  static Map<String, Object> event(ChatRun run, ChatEvent event) {
    return switch (event) {
      case ChatEvent.TextChunk chunk -> {
        Map<String, Object> e =
            common(run, run.mode() == AppMode.AGENT_CHAT ? "agent_message" : "message");
        e.put("answer", chunk.text());
        yield e;
      }
      case ChatEvent.AgentThoughtEvent t -> {
        Map<String, Object> e = common(run, "agent_thought");
        e.put("id", t.id().toString());
        e.put("position", t.position());
        e.put("thought", t.thought());
        e.put("observation", Json.embeddedText(t.observation()));
        e.put("tool", t.tool());
        e.put("tool_labels", ToolLabels.of(t.tool()));
        e.put("tool_input", Json.embeddedText(t.toolInput().byTool()));
        e.put("message_files", List.of());
        yield e;
      }
      case ChatEvent.AnnotationReply reply -> {
        Map<String, Object> e = common(run, "message");
        e.put("answer", reply.answer());
        yield e;
      }
      case ChatEvent.MessageEnd end -> {
        Map<String, Object> e = common(run, "message_end");
        e.put("metadata", metadata(end));
        e.put("files", FileWire.messageEnd(run.messageId(), run.files(), run.user()));
        yield e;
      }
      case ChatEvent.Failed failed -> error(run, ErrorMapping.runFailure(failed, true));
    };
  }

  /** An {@code error} event: Dify's error object plus the message it belongs to. */
  static Map<String, Object> error(ChatRun run, ApiError error) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("event", "error");
    e.put("message_id", run.messageId().toString());
    if (run.mode().isConversational()) {
      e.put("conversation_id", run.conversationId().toString());
    }
    e.put("status", error.status());
    e.put("code", error.code());
    e.put("message", error.message());
    e.put("created_at", createdAt(run));
    return e;
  }

  private static Map<String, Object> common(ChatRun run, String name) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("event", name);
    e.put("task_id", run.taskId().toString());
    e.put("id", run.messageId().toString());
    e.put("message_id", run.messageId().toString());
    if (run.mode().isConversational()) {
      e.put("conversation_id", run.conversationId().toString());
    }
    e.put("created_at", createdAt(run));
    return e;
  }

  private static Map<String, Object> metadata(ChatEvent.MessageEnd end) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (end.annotationReply() != null) {
      metadata.put("annotation_reply", annotationReply(end.annotationReply()));
    }
    metadata.put("usage", UsageDto.of(end.usage(), end.latency()));
    metadata.put("retriever_resources", List.of());
    return metadata;
  }

  /**
   * Dify's {@code annotation_reply}: the annotation and the account that wrote it. This service has
   * no accounts, so the account is Dify's own stand-in for a missing one.
   */
  private static Map<String, Object> annotationReply(AnnotationId id) {
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("id", null);
    account.put("name", "Dify user");
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("id", id.toString());
    reply.put("account", account);
    return reply;
  }

  private static String conversationIdOrNull(ChatRun run) {
    return run.mode().isConversational() ? run.conversationId().toString() : null;
  }

  private static long createdAt(ChatRun run) {
    return run.createdAt().getEpochSecond();
  }
}
