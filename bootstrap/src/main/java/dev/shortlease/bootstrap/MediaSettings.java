package dev.shortlease.bootstrap;

import dev.shortlease.adapter.llm.MediaModelSettings;
import dev.shortlease.adapter.llm.RemoteImageSettings;
import dev.shortlease.application.port.in.UploadFileUseCase.FileLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Configuration of files and audio: where uploads are kept, Dify's upload limits (same variable
 * names and defaults: 15 MB files, 10 MB images, 50 MB audio, 100 MB video), the model side
 * (vision, speech models) and how images named by URL are downloaded for a model that takes only
 * inline images (Ollama): capped at the image upload limit, as Dify caps remote files.
 */
record MediaSettings(
    Path filesDir, FileLimits limits, MediaModelSettings models, RemoteImageSettings remoteImages) {
  static final String DEFAULT_FILES_DIR = "./data/files";
  private static final long MB = 1024 * 1024;

  MediaSettings {
    Objects.requireNonNull(filesDir, "filesDir");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(remoteImages, "remoteImages");
  }

  static MediaSettings read(EnvReader read) {
    FileLimits limits =
        new FileLimits(
            megabytes(read, "UPLOAD_FILE_SIZE_LIMIT", 15),
            megabytes(read, "UPLOAD_IMAGE_FILE_SIZE_LIMIT", 10),
            megabytes(read, "UPLOAD_AUDIO_FILE_SIZE_LIMIT", 50),
            megabytes(read, "UPLOAD_VIDEO_FILE_SIZE_LIMIT", 100),
            extensions(read.text("UPLOAD_FILE_EXTENSION_BLACKLIST", "")));
    MediaModelSettings models =
        new MediaModelSettings(
            read.bool("LLM_VISION", false),
            read.text("LLM_SPEECH_TO_TEXT_MODEL", "whisper-1"),
            read.text("LLM_TEXT_TO_SPEECH_MODEL", "tts-1"),
            read.text("LLM_TEXT_TO_SPEECH_VOICE", "alloy"));
    long connect = read.integer("REMOTE_IMAGE_CONNECT_TIMEOUT_SECONDS", 5, 1, 300);
    long total = read.integer("REMOTE_IMAGE_TIMEOUT_SECONDS", 10, 1, 600);
    if (connect > total) {
      throw new SettingsException(
          "REMOTE_IMAGE_CONNECT_TIMEOUT_SECONDS",
          "must not exceed REMOTE_IMAGE_TIMEOUT_SECONDS (" + total + "), was " + connect);
    }
    RemoteImageSettings remoteImages =
        new RemoteImageSettings(
            limits.imageBytes(),
            Duration.ofSeconds(connect),
            Duration.ofSeconds(total),
            read.bool("REMOTE_IMAGE_ALLOW_PRIVATE_ADDRESSES", false));
    return new MediaSettings(
        Path.of(read.text("FILES_DIR", DEFAULT_FILES_DIR)), limits, models, remoteImages);
  }

  /** A limit in MB (1..1024, a whole upload is held in memory once it is read). */
  private static long megabytes(EnvReader read, String name, long fallback) {
    return read.integer(name, fallback, 1, 1024) * MB;
  }

  /** {@code exe, .bat} → {@code exe, bat}: compared with the lower-case extension, no dot. */
  private static Set<String> extensions(String list) {
    return Arrays.stream(list.split(","))
        .map(ext -> ext.strip().toLowerCase(Locale.ROOT))
        .map(ext -> ext.startsWith(".") ? ext.substring(1) : ext)
        .filter(ext -> !ext.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
