package dev.shortlease.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Row of {@code app_media}: an app's media switches; sets are comma-separated enum names. */
@Entity
@Table(name = "app_media")
class AppMediaEntity {
  @Id
  @Column(name = "app_id")
  UUID appId;

  @Column(name = "file_upload")
  boolean fileUpload;

  @Column(name = "allowed_kinds")
  String allowedKinds;

  @Column(name = "number_limits")
  int numberLimits;

  String transfers;

  @Column(name = "speech_to_text")
  boolean speechToText;

  @Column(name = "text_to_speech")
  boolean textToSpeech;

  String voice;
  String language;
}
