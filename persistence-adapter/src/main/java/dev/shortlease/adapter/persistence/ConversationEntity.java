package dev.shortlease.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/**
 * Row of {@code conversation}. Plain ID columns instead of associations: nothing here can become a
 * lazy proxy. {@code updated_at} is set by bulk updates with the database clock.
 */
@Entity
@Table(name = "conversation")
class ConversationEntity {
  @Id UUID id;

  @Column(name = "app_id")
  UUID appId;

  @Column(name = "end_user_id")
  UUID endUserId;

  String name;

  /** JSON object of strings. */
  String inputs;

  String status;

  @Generated
  @Column(name = "created_at", insertable = false, updatable = false)
  Instant createdAt;

  @Generated
  @Column(name = "updated_at", insertable = false, updatable = false)
  Instant updatedAt;
}
