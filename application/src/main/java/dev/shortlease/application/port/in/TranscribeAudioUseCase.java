package dev.shortlease.application.port.in;

import dev.shortlease.application.port.out.AudioClip;
import dev.shortlease.domain.AppId;

/** Use case: speech to text for an app's end user ({@code /audio-to-text}). */
public interface TranscribeAudioUseCase {

  /**
   * The text spoken in {@code audio}, when the app has speech to text on and the provider a model.
   *
   * @throws MediaRejectedException when the app, the provider or the audio does not qualify
   */
  String transcribe(AppId appId, String user, AudioClip audio);
}
