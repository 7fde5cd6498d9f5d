package dev.shortlease.domain;

import java.util.Locale;
import java.util.Set;

/**
 * What a file is, as Dify sorts files: by extension first, then by MIME type. Decides the size
 * limit of an upload and whether an app accepts it in a chat.
 */
public enum FileKind {
  IMAGE,
  DOCUMENT,
  AUDIO,
  VIDEO,
  CUSTOM;

  private static final Set<String> IMAGES = Set.of("jpg", "jpeg", "png", "webp", "gif", "svg");
  private static final Set<String> VIDEOS = Set.of("mp4", "mov", "mpeg", "webm");
  private static final Set<String> AUDIOS = Set.of("mp3", "m4a", "wav", "amr", "mpga");
  private static final Set<String> DOCUMENTS =
      Set.of(
          "txt",
          "markdown",
          "md",
          "mdx",
          "pdf",
          "html",
          "htm",
          "xlsx",
          "xls",
          "vtt",
          "properties",
          "doc",
          "docx",
          "csv",
          "eml",
          "msg",
          "pptx",
          "xml",
          "epub",
          "ppt");

  /** The kind of a file named with {@code extension} (no dot) and of type {@code mimeType}. */
  public static FileKind of(String extension, String mimeType) {
    String ext = extension == null ? "" : extension.toLowerCase(Locale.ROOT);
    if (IMAGES.contains(ext)) {
      return IMAGE;
    }
    if (VIDEOS.contains(ext)) {
      return VIDEO;
    }
    if (AUDIOS.contains(ext)) {
      return AUDIO;
    }
    if (DOCUMENTS.contains(ext)) {
      return DOCUMENT;
    }
    String mime = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
    if (mime.startsWith("image/")) {
      return IMAGE;
    }
    if (mime.startsWith("video/")) {
      return VIDEO;
    }
    if (mime.startsWith("audio/")) {
      return AUDIO;
    }
    return mime.startsWith("text/") || mime.contains("pdf") ? DOCUMENT : CUSTOM;
  }
}
