package dev.shortlease.benchmark.springosiv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One chat's server-sent events in Dify's shapes, as the service writes them: {@code message}
 * chunks, then {@code message_end} with the usage, or {@code error}.
 */
record ChatEvents(UUID taskId, UUID messageId, UUID conversationId, long createdAt) {

  static ChatEvents of(Message message) {
    return new ChatEvents(
        UUID.randomUUID(),
        message.getId(),
        message.getConversation().getId(),
        message.getCreatedAt().getEpochSecond());
  }

  Map<String, Object> message(String token) {
    Map<String, Object> event = common("message");
    event.put("answer", token);
    return event;
  }

  Map<String, Object> messageEnd(int promptTokens, int completionTokens, long latencyNanos) {
    Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("prompt_tokens", promptTokens);
    usage.put("prompt_unit_price", "0");
    usage.put("prompt_price_unit", "0.001");
    usage.put("prompt_price", "0");
    usage.put("completion_tokens", completionTokens);
    usage.put("completion_unit_price", "0");
    usage.put("completion_price_unit", "0.001");
    usage.put("completion_price", "0");
    usage.put("total_tokens", promptTokens + completionTokens);
    usage.put("total_price", "0");
    usage.put("currency", "USD");
    usage.put("latency", latencyNanos / 1e9);
    Map<String, Object> event = common("message_end");
    event.put("metadata", Map.of("usage", usage, "retriever_resources", List.of()));
    event.put("files", List.of());
    return event;
  }

  Map<String, Object> error(int status, String code, String message) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("event", "error");
    event.put("message_id", messageId.toString());
    event.put("conversation_id", conversationId.toString());
    event.put("status", status);
    event.put("code", code);
    event.put("message", message);
    event.put("created_at", createdAt);
    return event;
  }

  private Map<String, Object> common(String name) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("event", name);
    event.put("task_id", taskId.toString());
    event.put("id", messageId.toString());
    event.put("message_id", messageId.toString());
    event.put("conversation_id", conversationId.toString());
    event.put("created_at", createdAt);
    return event;
  }
}
