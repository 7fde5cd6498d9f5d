package dev.shortlease.application.port.out;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The raster formats a vision model takes (OpenAI's list, which Ollama's decoders cover too), told
 * by their first bytes rather than by what a server or client declared. SVG is none of them: it is
 * text that can carry scripts, and models do not take it. BMP is left out: OpenAI refuses it, and
 * its two-byte signature ({@code BM}) matches too much.
 */
public enum ImageFormat {
  PNG("image/png"),
  JPEG("image/jpeg"),
  GIF("image/gif"),
  WEBP("image/webp");

  /** Enough leading bytes to tell every format (WEBP's is the longest). */
  public static final int SIGNATURE_BYTES = 12;

  /** The formats in words, for a refusal: "… is not {@value}". */
  public static final String NAMES = "a PNG, JPEG, GIF or WEBP image";

  private final String mimeType;

  ImageFormat(String mimeType) {
    this.mimeType = mimeType;
  }

  public String mimeType() {
    return mimeType;
  }

  /** The format whose signature starts the first {@code length} bytes of {@code head}. */
  public static Optional<ImageFormat> of(byte[] head, int length) {
    if (starts(head, length, 0, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n')) {
      return Optional.of(PNG);
    }
    if (starts(head, length, 0, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (starts(head, length, 0, 'G', 'I', 'F', '8', '7', 'a')
        || starts(head, length, 0, 'G', 'I', 'F', '8', '9', 'a')) {
      return Optional.of(GIF);
    }
    if (starts(head, length, 0, 'R', 'I', 'F', 'F')
        && starts(head, length, 8, 'W', 'E', 'B', 'P')) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  public static Optional<ImageFormat> of(byte[] data) {
    return of(data, data.length);
  }

  /**
   * What {@code data} shows itself to be when it is none of these formats, in a word for a log line
   * (never any of its bytes): {@code empty}, {@code SVG}, {@code XML}, {@code HTML}, {@code PDF},
   * {@code BMP}, {@code TIFF}, {@code HEIF/AVIF}, {@code text} or {@code unknown binary}.
   */
  public static String kindOf(byte[] data) {
    if (data.length == 0) {
      return "empty";
    }
    int n = data.length;
    String head =
        new String(data, 0, Math.min(n, 512), StandardCharsets.ISO_8859_1)
            .replace("\u00EF\u00BB\u00BF", "") // a UTF-8 byte order mark
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.contains("<svg"))) {
      return "SVG";
    }
    if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
      return "HTML";
    }
    if (head.startsWith("<?xml")) {
      return "XML";
    }
    if (starts(data, n, 0, '%', 'P', 'D', 'F', '-')) {
      return "PDF";
    }
    if (starts(data, n, 0, 'B', 'M')) {
      return "BMP";
    }
    if (starts(data, n, 0, 'I', 'I', '*', 0) || starts(data, n, 0, 'M', 'M', 0, '*')) {
      return "TIFF";
    }
    if (starts(data, n, 4, 'f', 't', 'y', 'p')) {
      return "HEIF/AVIF";
    }
    for (int i = 0; i < Math.min(n, 512); i++) {
      int b = data[i] & 0xFF;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
        return "unknown binary";
      }
    }
    return "text";
  }

  private static boolean starts(byte[] head, int length, int offset, int... signature) {
    if (length < offset + signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((head[offset + i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }
}
