package dev.shortlease.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** Row of {@code agent_thought}: one agent iteration of a message. */
@Entity
@Table(name = "agent_thought")
class AgentThoughtEntity {
  @Id UUID id;

  @Column(name = "message_id")
  UUID messageId;

  int position;
  String thought;
  String tool;

  @Column(name = "tool_input")
  String toolInput;

  String observation;

  @Column(name = "prompt_tokens")
  int promptTokens;

  @Column(name = "completion_tokens")
  int completionTokens;

  @Generated
  @Column(name = "created_at", insertable = false, updatable = false)
  Instant createdAt;
}
