package dev.shortlease.application.port.in;

import dev.shortlease.application.port.out.AudioClip;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.MessageId;

/** Use case: text to speech for an app's end user ({@code /text-to-audio}). */
public interface SpeakTextUseCase {

  /**
   * {@code text} spoken, or the answer of the user's message {@code messageId} when given (it wins,
   * as in Dify); {@code voice} blank means the app's voice.
   *
   * @throws MediaRejectedException when the app or the provider has no text to speech
   */
  AudioClip speak(AppId appId, String user, MessageId messageId, String text, String voice);
}
