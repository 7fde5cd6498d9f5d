package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.UploadFileUseCase.FileLimits;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppMediaPatch;
import dev.shortlease.domain.FileKind;
import dev.shortlease.domain.FileTransfer;
import dev.shortlease.domain.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Web adapter: an app's media switches in Dify's feature shapes — {@code file_upload}, {@code
 * speech_to_text}, {@code text_to_speech} — as {@code /parameters} reports them and as the admin
 * API takes them; and the upload limits as {@code system_parameters} (in MB).
 */
final class MediaWire {
  private static final long MB = 1024 * 1024;
  private static final List<String> UPLOAD_FIELDS =
      List.of("enabled", "allowed_file_types", "allowed_file_upload_methods", "number_limits");

  private MediaWire() {}

  /** As {@code /parameters} reports it: {@link #fileUpload(AppMedia)} with the limits. */
  static Map<String, Object> fileUpload(AppMedia media, FileLimits limits) {
    Map<String, Object> upload = fileUpload(media);
    // Dify's web client reads the limits here as well as in system_parameters.
    Map<String, Object> config = new LinkedHashMap<>(systemParameters(limits));
    config.put("batch_count_limit", media.numberLimits());
    upload.put("fileUploadConfig", config);
    return upload;
  }

  static Map<String, Object> fileUpload(AppMedia media) {
    List<String> kinds = media.allowedKinds().stream().map(FileWire::wire).sorted().toList();
    List<String> methods = media.transfers().stream().map(FileWire::wire).sorted().toList();
    Map<String, Object> image = new LinkedHashMap<>();
    image.put("enabled", media.fileUpload() && media.allowedKinds().contains(FileKind.IMAGE));
    image.put("number_limits", media.numberLimits());
    image.put("detail", "high");
    image.put("transfer_methods", methods);
    Map<String, Object> upload = new LinkedHashMap<>();
    upload.put("enabled", media.fileUpload());
    upload.put("allowed_file_types", kinds);
    upload.put("allowed_file_extensions", List.of());
    upload.put("allowed_file_upload_methods", methods);
    upload.put("number_limits", media.numberLimits());
    upload.put("image", image);
    return upload;
  }

  static Map<String, Object> speechToText(AppMedia media) {
    return Map.of("enabled", media.speechToText());
  }

  static Map<String, Object> textToSpeech(AppMedia media) {
    Map<String, Object> tts = new LinkedHashMap<>();
    tts.put("enabled", media.textToSpeech());
    tts.put("voice", media.voice());
    tts.put("language", media.language());
    tts.put("autoPlay", "disabled");
    return tts;
  }

  static Map<String, Object> systemParameters(FileLimits limits) {
    Map<String, Object> system = new LinkedHashMap<>();
    system.put("file_size_limit", limits.fileBytes() / MB);
    system.put("image_file_size_limit", limits.imageBytes() / MB);
    system.put("audio_file_size_limit", limits.audioBytes() / MB);
    system.put("video_file_size_limit", limits.videoBytes() / MB);
    system.put("workflow_file_upload_limit", AppMedia.MAX_FILES);
    return system;
  }

  /** True when an admin body changes any media switch. */
  static boolean mentioned(JsonBody body) {
    return body.has("file_upload") || body.has("speech_to_text") || body.has("text_to_speech");
  }

  /**
   * What the admin body sets of the switches, each field checked; fields left out are null, kept at
   * their stored values when the store applies the patch.
   */
  static AppMediaPatch patch(JsonBody body) {
    JsonBody upload = known(body.optionalObject("file_upload"), UPLOAD_FIELDS);
    JsonBody stt = known(body.optionalObject("speech_to_text"), List.of("enabled"));
    JsonBody tts =
        known(body.optionalObject("text_to_speech"), List.of("enabled", "voice", "language"));
    Boolean fileUpload = null;
    Set<FileKind> kinds = null;
    Integer limit = null;
    Set<FileTransfer> transfers = null;
    if (upload != null) {
      fileUpload = upload.optionalBool("enabled");
      List<String> types = upload.optionalTextList("allowed_file_types");
      kinds = types == null ? null : kinds(types, upload.path("allowed_file_types"));
      limit = upload.optionalInt("number_limits", 1, AppMedia.MAX_FILES);
      List<String> methods = upload.optionalTextList("allowed_file_upload_methods");
      transfers =
          methods == null ? null : transfers(methods, upload.path("allowed_file_upload_methods"));
    }
    return new AppMediaPatch(
        fileUpload,
        kinds,
        limit,
        transfers,
        stt == null ? null : stt.optionalBool("enabled"),
        tts == null ? null : tts.optionalBool("enabled"),
        tts == null ? null : tts.text("voice"),
        tts == null ? null : tts.text("language"));
  }

  /** Refuses a misspelt switch by name, as the top level does: ignored, it would look applied. */
  private static JsonBody known(JsonBody switches, List<String> fields) {
    return switches == null ? null : switches.requireOnly(fields);
  }

  private static Set<FileKind> kinds(List<String> names, String field) {
    Set<FileKind> kinds = new LinkedHashSet<>();
    for (String name : names) {
      kinds.add(FileWire.kind(name, field));
    }
    return kinds;
  }

  private static Set<FileTransfer> transfers(List<String> names, String field) {
    Set<FileTransfer> transfers = new LinkedHashSet<>();
    for (String name : names) {
      transfers.add(FileWire.transfer(name, field));
    }
    if (transfers.isEmpty()) {
      throw new InvalidInputException(field, "must name at least one method");
    }
    return transfers;
  }
}
