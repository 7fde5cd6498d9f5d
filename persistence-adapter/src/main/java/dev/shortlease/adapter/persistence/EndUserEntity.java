package dev.shortlease.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** Row of {@code end_user}; {@code (app_id, external_id)} is unique. */
@Entity
@Table(name = "end_user")
class EndUserEntity {
  @Id UUID id;

  @Column(name = "app_id")
  UUID appId;

  @Column(name = "external_id")
  String externalId;

  @Generated
  @Column(name = "created_at", insertable = false, updatable = false)
  Instant createdAt;
}
