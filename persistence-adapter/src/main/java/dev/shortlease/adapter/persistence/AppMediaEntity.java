package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.FileKind;
import dev.shortlease.domain.FileTransfer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
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

  /** The row of {@code app}'s switches, written by app setup, read by it and the media adapter. */
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

  AppMedia toMedia() {
    return new AppMedia(
        fileUpload,
        parse(allowedKinds, FileKind.class),
        numberLimits,
        parse(transfers, FileTransfer.class),
        speechToText,
        textToSpeech,
        voice,
        language);
  }

  private static <E extends Enum<E>> Set<E> parse(String names, Class<E> type) {
    return Arrays.stream(names.split(","))
        .filter(name -> !name.isBlank())
        .map(name -> Enum.valueOf(type, name))
        .collect(Collectors.toSet());
  }

  private static String names(Set<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }
}
