package dev.shortlease.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** Row of {@code api_key}: the hash and display prefix of one app key. */
@Entity
@Table(name = "api_key")
class ApiKeyEntity {
  @Id UUID id;

  @Column(name = "app_id")
  UUID appId;

  String hash;
  String prefix;

  @Generated
  @Column(name = "created_at", insertable = false, updatable = false)
  Instant createdAt;

  @Column(name = "revoked_at")
  Instant revokedAt;
}
