package dev.shortlease.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/**
 * Row of {@code message}, carrying its owner columns so every query is owner-scoped (rule R4).
 * State changes are conditional bulk updates ({@code where status = 'RUNNING'}), never
 * read-modify-write of this entity.
 */
@Entity
@Table(name = "message")
class MessageEntity {
  @Id UUID id;

  @Column(name = "conversation_id")
  UUID conversationId;

  @Column(name = "app_id")
  UUID appId;

  @Column(name = "end_user_id")
  UUID endUserId;

  String query;

  /** JSON object of strings. */
  String inputs;

  String answer;
  String status;
  String error;

  @Column(name = "prompt_tokens")
  int promptTokens;

  @Column(name = "completion_tokens")
  int completionTokens;

  @Column(name = "latency_nanos")
  long latencyNanos;

  /** The instance running (or that ran) the message; null for rows older than V3. */
  @Column(name = "instance_id")
  UUID instanceId;

  @Column(name = "feedback_rating")
  String feedbackRating;

  @Column(name = "feedback_content")
  String feedbackContent;

  /** When the rating was given (database clock); null without one. */
  @Column(name = "rated_at", insertable = false, updatable = false)
  Instant ratedAt;

  @Generated
  @Column(name = "created_at", insertable = false, updatable = false)
  Instant createdAt;

  @Generated
  @Column(name = "updated_at", insertable = false, updatable = false)
  Instant updatedAt;
}
