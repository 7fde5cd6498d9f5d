package dev.shortlease.application.port.out;

import java.util.Objects;

/** Audio bytes and their MIME type, going to or coming from a speech model. */
public record AudioClip(byte[] data, String mimeType, String fileName) {
  public AudioClip {
    Objects.requireNonNull(data, "data");
    mimeType = mimeType == null || mimeType.isBlank() ? "application/octet-stream" : mimeType;
    fileName = fileName == null || fileName.isBlank() ? "audio" : fileName;
  }
}
