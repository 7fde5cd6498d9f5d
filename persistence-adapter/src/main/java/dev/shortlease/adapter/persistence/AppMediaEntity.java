package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

  /** The row of {@code app}'s switches, written by the media adapter and by app setup alike. */
  static AppMediaEntity of(AppId app, AppMedia media) {
    AppMediaEntity row = new AppMediaEntity();
    row.appId = app.value();
    row.fileUpload = media.fileUpload();
    row.allowedKinds = names(media.allowedKinds());
    row.numberLimits = media.numberLimits();
    row.transfers = names(media.transfers());
    row.speechToText = media.speechToText();
    row.textToSpeech = media.textToSpeech();
    row.voice = media.voice();
    row.language = media.language();
    return row;
  }

  private static String names(Set<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }
}
