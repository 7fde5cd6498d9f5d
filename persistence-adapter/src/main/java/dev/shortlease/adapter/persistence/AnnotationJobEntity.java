package dev.shortlease.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** Row of {@code annotation_job}: an enable or disable job and where it is. */
@Entity
@Table(name = "annotation_job")
class AnnotationJobEntity {
  @Id UUID id;

  @Column(name = "app_id")
  UUID appId;

  String action;
  String status;

  @Column(name = "error_message")
  String errorMessage;

  @Generated
  @Column(name = "created_at", insertable = false, updatable = false)
  Instant createdAt;

  @Generated
  @Column(name = "updated_at", insertable = false, updatable = false)
  Instant updatedAt;
}
