package dev.shortlease.adapter.llm;

/**
 * LLM adapter configuration beyond chat: whether the chat model sees images, and the provider's
 * speech models. Kept apart from {@link LlmSettings} so chat-only deployments configure nothing.
 *
 * @param vision the chat model takes images ({@code LLM_VISION}); off, images are left out
 * @param speechToTextModel the transcription model ({@code LLM_SPEECH_TO_TEXT_MODEL}, {@code
 *     whisper-1}); blank: the provider offers none
 * @param textToSpeechModel the speech model ({@code LLM_TEXT_TO_SPEECH_MODEL}, {@code tts-1});
 *     blank: the provider offers none
 * @param voice the voice when neither the request nor the app names one ({@code alloy})
 */
public record MediaModelSettings(
    boolean vision, String speechToTextModel, String textToSpeechModel, String voice) {

  public MediaModelSettings {
    speechToTextModel = speechToTextModel == null ? "" : speechToTextModel.strip();
    textToSpeechModel = textToSpeechModel == null ? "" : textToSpeechModel.strip();
    voice = voice == null || voice.isBlank() ? "alloy" : voice.strip();
  }

  /** No vision; OpenAI's {@code whisper-1} and {@code tts-1} with the voice {@code alloy}. */
  public static MediaModelSettings defaults() {
    return new MediaModelSettings(false, "whisper-1", "tts-1", "alloy");
  }

  public MediaModelSettings withVision(boolean on) {
    return new MediaModelSettings(on, speechToTextModel, textToSpeechModel, voice);
  }
}
