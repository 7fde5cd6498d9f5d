package dev.shortlease.application.audio;

import dev.shortlease.application.port.in.MediaRejectedException;
import dev.shortlease.application.port.in.MediaRejectedException.Reason;
import dev.shortlease.application.port.in.TranscribeAudioUseCase;
import dev.shortlease.application.port.out.AudioClip;
import dev.shortlease.application.port.out.SpeechPort;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.EndUser;
import dev.shortlease.domain.port.AppMediaPort;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Set;

/**
 * Use case: speech to text. Dify's checks in Dify's order (the app's switch, the audio's type and
 * size, the provider's model), one short read for the switch, then the model call with no
 * connection held.
 */
public final class TranscribeAudioService implements TranscribeAudioUseCase {
  /** Dify's limit for audio to transcribe, fixed rather than configurable. */
  public static final int MAX_AUDIO_BYTES = 30 * 1024 * 1024;

  /** The MIME types Dify accepts (its documentation: not even {@code audio/mpeg}). */
  static final Set<String> AUDIO_TYPES =
      Set.of("audio/mp3", "audio/m4a", "audio/wav", "audio/amr", "audio/mpga");

  private final AppMediaPort media;
  private final SpeechPort speech;

  @Inject
  public TranscribeAudioService(AppMediaPort media, SpeechPort speech) {
    this.media = media;
    this.speech = speech;
  }

  @Override
  public String transcribe(AppId appId, String user, AudioClip audio) {
    EndUser.requireExternalId(user);
    if (!media.mediaOf(appId).speechToText()) {
      throw new MediaRejectedException(
          Reason.SPEECH_TO_TEXT_DISABLED, "Speech to text is disabled.");
    }
    if (audio == null) {
      throw new MediaRejectedException(Reason.NO_AUDIO, "Please upload your audio.");
    }
    if (!AUDIO_TYPES.contains(audio.mimeType().toLowerCase(Locale.ROOT))) {
      throw new MediaRejectedException(Reason.UNSUPPORTED_AUDIO_TYPE, "Audio type not allowed.");
    }
    if (audio.data().length > MAX_AUDIO_BYTES) {
      throw new MediaRejectedException(Reason.AUDIO_TOO_LARGE, "Audio size larger than 30 mb");
    }
    if (!speech.canTranscribe()) {
      throw new MediaRejectedException(
          Reason.PROVIDER_HAS_NO_SPEECH_TO_TEXT, "Provider not support speech to text.");
    }
    return speech.transcribe(audio);
  }
}
