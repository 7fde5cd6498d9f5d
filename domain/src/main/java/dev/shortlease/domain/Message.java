package dev.shortlease.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One question and its answer. While {@code RUNNING} the answer is being generated; once terminal
 * it holds everything that was generated, plus usage and latency (rule R5).
 */
public record Message(
    MessageId id,
    ConversationId conversationId,
    Owner owner,
    String query,
    Map<String, Object> inputs,
    String answer,
    MessageStatus status,
    String error,
    TokenUsage usage,
    Duration latency,
    Feedback feedback,
    Instant createdAt,
    Instant updatedAt) {

  public Message {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(status, "status");
    query = query == null ? "" : query;
    inputs = StructuredValues.freeze(inputs);
    answer = answer == null ? "" : answer;
    usage = usage == null ? TokenUsage.NONE : usage;
    latency = latency == null ? Duration.ZERO : latency;
  }
}
