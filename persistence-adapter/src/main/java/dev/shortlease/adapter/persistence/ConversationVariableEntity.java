package dev.shortlease.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/**
 * Row of {@code conversation_variable}; {@code value_json} is JSON text of the structured value.
 */
@Entity
@Table(name = "conversation_variable")
class ConversationVariableEntity {
  @Id UUID id;

  @Column(name = "conversation_id")
  UUID conversationId;

  @Column(name = "app_id")
  UUID appId;

  @Column(name = "end_user_id")
  UUID endUserId;

  int position;
  String name;

  @Column(name = "value_type")
  String valueType;

  @Column(name = "value_json")
  String valueJson;

  String description;

  @Generated
  @Column(name = "created_at", insertable = false, updatable = false)
  Instant createdAt;

  @Generated
  @Column(name = "updated_at", insertable = false, updatable = false)
  Instant updatedAt;
}
