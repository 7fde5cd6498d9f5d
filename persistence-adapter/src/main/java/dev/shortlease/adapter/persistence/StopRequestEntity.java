package dev.shortlease.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/**
 * Row of {@code stop_request}: one per task and sender whose stop reached another instance. Stamped
 * by the database's clock.
 */
@Entity
@Table(name = "stop_request")
@IdClass(StopRequestEntity.Key.class)
class StopRequestEntity {
  @Id
  @Column(name = "task_id")
  UUID taskId;

  @Id
  @Column(name = "app_id")
  UUID appId;

  @Id
  @Column(name = "end_user")
  String endUser;

  @Generated
  @Column(name = "requested_at", insertable = false, updatable = false)
  Instant requestedAt;

  /** The primary key: the task and who asked to stop it. */
  record Key(UUID taskId, UUID appId, String endUser) {}
}
