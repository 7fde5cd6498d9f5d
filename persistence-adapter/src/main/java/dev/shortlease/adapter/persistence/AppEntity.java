package dev.shortlease.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.CurrentTimestamp;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.SourceType;
import org.hibernate.generator.EventType;

/** Row of {@code app}. Package-private: entities never leave the adapter (rule R1). */
@Entity
@Table(name = "app")
class AppEntity {
  @Id UUID id;
  String name;
  String description;
  String mode;
  String model;
  Double temperature;

  @Column(name = "max_tokens")
  Integer maxTokens;

  @Column(name = "system_prompt")
  String systemPrompt;

  @Column(name = "opening_statement")
  String openingStatement;

  /** JSON array of strings. */
  @Column(name = "suggested_questions")
  String suggestedQuestions;

  String status;

  /** JSON array of form fields (StoredAppSettings). */
  @Column(name = "user_input_form")
  String userInputForm;

  /** JSON array of variable declarations (StoredAppSettings). */
  @Column(name = "conversation_variables")
  String conversationVariables;

  @Column(name = "api_enabled")
  boolean apiEnabled;

  /** Null: the service's default. */
  @Column(name = "max_active_requests")
  Integer maxActiveRequests;

  @Generated
  @Column(name = "created_at", insertable = false, updatable = false)
  Instant createdAt;

  @CurrentTimestamp(
      event = {EventType.INSERT, EventType.UPDATE},
      source = SourceType.DB)
  @Column(name = "updated_at")
  Instant updatedAt;
}
