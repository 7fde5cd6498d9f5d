package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.MediaRejectedException;

/** Web adapter: Dify's code and HTTP status for each reason a file or audio request is refused. */
final class MediaErrors {
  private MediaErrors() {}

  static ApiError of(MediaRejectedException e) {
    String message = e.getMessage();
    return switch (e.reason()) {
      case NO_FILE -> new ApiError(400, "no_file_uploaded", "Please upload your file.");
      case TOO_MANY_FILES -> new ApiError(400, "too_many_files", "Only one file is allowed.");
      case NO_FILENAME -> new ApiError(400, "filename_not_exists_error", message);
      case FILE_TOO_LARGE -> new ApiError(413, "file_too_large", message);
      case UNSUPPORTED_FILE_TYPE -> new ApiError(415, "unsupported_file_type", message);
      case FILE_NOT_FOUND -> new ApiError(404, "file_not_found", message);
      case BLOCKED_EXTENSION, FILE_NOT_ALLOWED, INVALID_UPLOAD, TEXT_TO_SPEECH_DISABLED ->
          ApiError.invalidParam(message);
      case NO_AUDIO -> new ApiError(400, "no_audio_uploaded", "Please upload your audio.");
      case AUDIO_TOO_LARGE -> new ApiError(413, "audio_too_large", message);
      case UNSUPPORTED_AUDIO_TYPE -> new ApiError(415, "unsupported_audio_type", message);
      case SPEECH_TO_TEXT_DISABLED -> new ApiError(400, "speech_to_text_disabled", message);
      case PROVIDER_HAS_NO_SPEECH_TO_TEXT ->
          new ApiError(400, "provider_not_support_speech_to_text", message);
      case PROVIDER_HAS_NO_TEXT_TO_SPEECH -> new ApiError(400, "provider_not_initialize", message);
    };
  }
}
