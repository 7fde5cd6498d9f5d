package dev.shortlease.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/**
 * Row of {@code annotation}. The vector ({@code embedding}) is written and read by its own queries
 * only ({@link AnnotationIndexAdapter}); changes are bulk updates scoped by app.
 */
@Entity
@Table(name = "annotation")
class AnnotationEntity {
  @Id UUID id;

  @Column(name = "app_id")
  UUID appId;

  String question;
  String answer;

  @Column(name = "hit_count")
  int hitCount;

  /** float32 little-endian ({@link VectorBytes}); null until embedded. */
  byte[] embedding;

  @Column(name = "embedding_model_key")
  String embeddingModelKey;

  @Generated
  @Column(name = "created_at", insertable = false, updatable = false)
  Instant createdAt;

  @Generated
  @Column(name = "updated_at", insertable = false, updatable = false)
  Instant updatedAt;
}
