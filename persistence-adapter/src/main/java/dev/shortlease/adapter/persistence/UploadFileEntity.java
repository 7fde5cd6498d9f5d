package dev.shortlease.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** Row of {@code upload_file}: an upload's metadata and its owner. */
@Entity
@Table(name = "upload_file")
class UploadFileEntity {
  @Id UUID id;

  @Column(name = "app_id")
  UUID appId;

  @Column(name = "end_user_id")
  UUID endUserId;

  String name;
  String extension;

  @Column(name = "mime_type")
  String mimeType;

  long size;

  @Generated
  @Column(name = "created_at", insertable = false, updatable = false)
  Instant createdAt;
}
