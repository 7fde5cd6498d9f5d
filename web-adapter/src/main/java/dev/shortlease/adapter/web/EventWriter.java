package dev.shortlease.adapter.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.domain.AppMode;
import java.io.IOException;
import java.util.List;

/**
 * Web adapter: one run's events as {@code data: {json}\n\n} frames, the bytes {@link ChatWire}'s
 * maps serialize to. The frequent events (text chunks, {@code message_end}, {@code error}) go
 * straight to Jackson's streaming generator with the run's IDs encoded once: a map per event and
 * the map serializer's per-entry lookups were ~5 % of a chat's CPU (issue #17). Rare events (agent
 * thoughts, annotation replies, a {@code message_end} with an annotation) keep the map path.
 */
final class EventWriter {
  private static final SerializableString EVENT = name("event");
  private static final SerializableString TASK_ID = name("task_id");
  private static final SerializableString ID = name("id");
  private static final SerializableString MESSAGE_ID = name("message_id");
  private static final SerializableString CONVERSATION_ID = name("conversation_id");
  private static final SerializableString CREATED_AT = name("created_at");
  private static final SerializableString MESSAGE_END = name("message_end");

  private final ChatRun run;
  private final SerializableString textEvent;
  private final SerializableString taskId;
  private final SerializableString messageId;
  private final SerializableString conversationId; // null for completion: the field is omitted
  private final long createdAt;

  EventWriter(ChatRun run) {
    this.run = run;
    this.textEvent = name(run.mode() == AppMode.AGENT_CHAT ? "agent_message" : "message");
    this.taskId = name(run.taskId().toString());
    this.messageId = name(run.messageId().toString());
    this.conversationId =
        run.mode().isConversational() ? name(run.conversationId().toString()) : null;
    this.createdAt = run.createdAt().getEpochSecond();
  }

  /** The frames of one event: one, except for an annotation reply (see {@link ChatWire#events}). */
  List<byte[]> frames(ChatEvent event) {
    return switch (event) {
      case ChatEvent.TextChunk chunk -> List.of(textFrame(chunk.text()));
      case ChatEvent.MessageEnd end when end.annotationReply() == null -> List.of(endFrame(end));
      case ChatEvent.Failed failed -> List.of(error(ErrorMapping.runFailure(failed, true)));
      default -> ChatWire.events(run, event).stream().map(DataFrame::ofValue).toList();
    };
  }

  /** An {@code error} frame, the shape of {@link ChatWire#error}. */
  byte[] error(ApiError error) {
    return DataFrame.of(
        g -> {
          g.writeStartObject();
          g.writeStringField("event", "error");
          g.writeFieldName(MESSAGE_ID);
          g.writeString(messageId);
          conversation(g);
          g.writeNumberField("status", error.status());
          g.writeStringField("code", error.code());
          g.writeStringField("message", error.message());
          g.writeFieldName(CREATED_AT);
          g.writeNumber(createdAt);
          g.writeEndObject();
        });
  }

  private byte[] textFrame(String answer) {
    return DataFrame.of(
        g -> {
          common(g, textEvent);
          g.writeStringField("answer", answer);
          g.writeEndObject();
        });
  }

  private byte[] endFrame(ChatEvent.MessageEnd end) {
    UsageDto usage = UsageDto.of(end.usage(), end.latency());
    return DataFrame.of(
        g -> {
          common(g, MESSAGE_END);
          g.writeObjectFieldStart("metadata");
          g.writeFieldName("usage");
          usage.write(g);
          g.writeArrayFieldStart("retriever_resources");
          g.writeEndArray();
          g.writeEndObject();
          g.writeFieldName("files"); // null without files, as in Dify; files are rare: mapped
          g.writeObject(FileWire.messageEnd(run.messageId(), run.files(), run.user()));
          g.writeEndObject();
        });
  }

  /** {@link ChatWire}'s common fields, in its order, leaving the object open. */
  private void common(JsonGenerator g, SerializableString name) throws IOException {
    g.writeStartObject();
    g.writeFieldName(EVENT);
    g.writeString(name);
    g.writeFieldName(TASK_ID);
    g.writeString(taskId);
    g.writeFieldName(ID);
    g.writeString(messageId);
    g.writeFieldName(MESSAGE_ID);
    g.writeString(messageId);
    conversation(g);
    g.writeFieldName(CREATED_AT);
    g.writeNumber(createdAt);
  }

  private void conversation(JsonGenerator g) throws IOException {
    if (conversationId != null) {
      g.writeFieldName(CONVERSATION_ID);
      g.writeString(conversationId);
    }
  }

  private static SerializableString name(String value) {
    return new SerializedString(value);
  }
}
