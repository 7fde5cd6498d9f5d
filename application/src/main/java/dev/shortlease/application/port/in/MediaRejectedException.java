package dev.shortlease.application.port.in;

import java.util.Objects;

/**
 * A file or audio request this app or provider cannot take; {@link Reason} says why, the message
 * says it in words (the web adapter maps the reason to Dify's code and status).
 */
public final class MediaRejectedException extends RuntimeException {

  /** Why a file or audio request was refused. */
  public enum Reason {
    NO_FILE,
    TOO_MANY_FILES,
    NO_FILENAME,
    FILE_TOO_LARGE,
    UNSUPPORTED_FILE_TYPE,
    FILE_NOT_FOUND,
    /** The extension is on the deployment's block list. */
    BLOCKED_EXTENSION,
    /** A chat named an upload that is not this user's (or does not exist). */
    INVALID_UPLOAD,
    /** A chat carried files its app does not take (kind, transfer or number). */
    FILE_NOT_ALLOWED,
    NO_AUDIO,
    AUDIO_TOO_LARGE,
    UNSUPPORTED_AUDIO_TYPE,
    SPEECH_TO_TEXT_DISABLED,
    TEXT_TO_SPEECH_DISABLED,
    PROVIDER_HAS_NO_SPEECH_TO_TEXT,
    PROVIDER_HAS_NO_TEXT_TO_SPEECH
  }

  private final Reason reason;

  public MediaRejectedException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
