package dev.shortlease.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** Row of {@code annotation_reply_setting}: an app's annotation reply and its index version. */
@Entity
@Table(name = "annotation_reply_setting")
class AnnotationReplySettingEntity {
  @Id
  @Column(name = "app_id")
  UUID appId;

  boolean enabled;

  @Column(name = "score_threshold")
  double scoreThreshold;

  @Column(name = "embedding_provider_name")
  String embeddingProviderName;

  @Column(name = "embedding_model_name")
  String embeddingModelName;

  @Column(name = "model_key")
  String modelKey;

  long version;

  @Generated
  @Column(name = "updated_at", insertable = false, updatable = false)
  Instant updatedAt;
}
