package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.MediaRejectedException;
import dev.shortlease.application.port.in.MediaRejectedException.Reason;
import dev.shortlease.application.port.in.SpeakTextUseCase;
import dev.shortlease.application.port.in.TranscribeAudioUseCase;
import dev.shortlease.application.port.out.AudioClip;
import dev.shortlease.domain.App;
import dev.shortlease.domain.MessageId;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Web adapter: {@code POST /v1/audio-to-text} (a {@code file} part, answered {@code {"text"}}) and
 * {@code POST /v1/text-to-audio} (JSON, answered with the audio bytes).
 */
public final class AudioHandler {
  /** Dify's fixed limit for audio to transcribe. */
  static final long MAX_AUDIO_BYTES = 30L * 1024 * 1024;

  private static final ApiError AUDIO_TOO_LARGE =
      new ApiError(413, "audio_too_large", "Audio size larger than 30 mb");

  private final ApiAuth auth;
  private final TranscribeAudioUseCase transcribe;
  private final SpeakTextUseCase speak;
  private final WebSettings settings;

  @Inject
  public AudioHandler(
      ApiAuth auth,
      TranscribeAudioUseCase transcribe,
      SpeakTextUseCase speak,
      WebSettings settings) {
    this.auth = auth;
    this.transcribe = transcribe;
    this.speak = speak;
    this.settings = settings;
  }

  void audioToText(Context ctx) {
    App app = auth.app(ctx);
    MultipartForm form =
        MultipartForm.of(ctx, MAX_AUDIO_BYTES, AUDIO_TOO_LARGE).orElseThrow(AudioHandler::noAudio);
    List<UploadedFile> files = form.files().getOrDefault("file", List.of());
    if (files.isEmpty()) {
      throw noAudio();
    }
    UploadedFile file = files.getFirst();
    AudioClip audio =
        new AudioClip(
            MultipartForm.bytes(file, MAX_AUDIO_BYTES, AUDIO_TOO_LARGE),
            file.contentType(),
            file.filename());
    String text =
        transcribe.transcribe(app.id(), form.field("user", QueryParams.DEFAULT_USER), audio);
    Responses.ok(ctx, Map.of("text", text));
  }

  void textToAudio(Context ctx) {
    App app = auth.app(ctx);
    JsonBody body = JsonRequest.read(ctx, settings.maxBodyBytes());
    String user = body.user();
    String messageId = body.text("message_id");
    body.bool("streaming", false); // accepted for compatibility; it changes nothing (as in Dify)
    AudioClip audio =
        speak.speak(
            app.id(),
            user == null || user.isBlank() ? QueryParams.DEFAULT_USER : user,
            messageId == null || messageId.isBlank()
                ? null
                : MessageId.parse(messageId, "message_id"),
            body.text("text"),
            body.text("voice"));
    ctx.contentType(audio.mimeType());
    ctx.result(audio.data());
  }

  private static MediaRejectedException noAudio() {
    return new MediaRejectedException(Reason.NO_AUDIO, "Please upload your audio.");
  }
}
