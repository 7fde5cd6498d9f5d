package dev.shortlease.application.port.out;

/**
 * Outbound port: the provider's speech models. A long call (a remote model): no connection is held
 * while it works. A provider without a model for one direction says so instead of failing.
 */
@LongCall
public interface SpeechPort {

  /** True when the provider has a speech-to-text model. */
  boolean canTranscribe();

  /** True when the provider has a text-to-speech model. */
  boolean canSpeak();

  /**
   * The text spoken in {@code audio}.
   *
   * @throws ModelException when the provider fails
   */
  String transcribe(AudioClip audio);

  /**
   * {@code text} spoken with {@code voice} (blank: the provider's default voice).
   *
   * @throws ModelException when the provider fails
   */
  AudioClip speak(String text, String voice);
}
