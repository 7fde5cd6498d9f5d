package dev.shortlease.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** Row of {@code stop_request}: one per task whose stop reached another instance. */
@Entity
@Table(name = "stop_request")
class StopRequestEntity {
  @Id
  @Column(name = "task_id")
  UUID taskId;

  @Column(name = "app_id")
  UUID appId;

  @Column(name = "end_user")
  String endUser;

  @Generated
  @Column(name = "requested_at", insertable = false, updatable = false)
  Instant requestedAt;
}
