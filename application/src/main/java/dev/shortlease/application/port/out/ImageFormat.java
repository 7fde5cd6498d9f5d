package dev.shortlease.application.port.out;

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
