package dev.shortlease.adapter.llm;

import dev.langchain4j.data.audio.Audio;
import dev.langchain4j.model.audio.AudioTranscriptionModel;
import dev.langchain4j.model.audio.AudioTranscriptionRequest;
import dev.langchain4j.model.audio.TextToSpeechModel;
import dev.langchain4j.model.audio.TextToSpeechRequest;
import dev.langchain4j.model.openai.OpenAiAudioTranscriptionModel;
import dev.langchain4j.model.openai.OpenAiTextToSpeechModel;
import dev.shortlease.adapter.llm.simulated.SimulatedSpeech;
import dev.shortlease.application.port.out.AudioClip;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.application.port.out.SpeechPort;
import dev.shortlease.domain.Texts;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LLM adapter: the speech port on LangChain4j's audio models — OpenAI's {@code
 * /audio/transcriptions} and {@code /audio/speech} for any OpenAI-compatible endpoint that offers
 * them, the simulated ones offline, none for Ollama (which has no speech API). A missing model is
 * reported by {@link #canTranscribe()} / {@link #canSpeak()}, not by a failing call.
 */
public final class LangChain4jSpeech implements SpeechPort {
  private static final Logger LOG = LoggerFactory.getLogger(LangChain4jSpeech.class);
  private static final String SPEECH_MIME_TYPE = "audio/mpeg";

  private final AudioTranscriptionModel transcriber;
  private final TextToSpeechModel speaker;
  private final String provider;
  private final String defaultVoice;

  /** Either model may be null: the provider has none for that direction. */
  public LangChain4jSpeech(
      AudioTranscriptionModel transcriber,
      TextToSpeechModel speaker,
      String provider,
      String defaultVoice) {
    this.transcriber = transcriber;
    this.speaker = speaker;
    this.provider = provider;
    this.defaultVoice = defaultVoice;
  }

  /** The speech models the settings name, on the chat provider's endpoint and key. */
  public static LangChain4jSpeech fromSettings(LlmSettings llm, MediaModelSettings media) {
    return switch (llm.kind()) {
      case SIMULATED -> {
        SimulatedSpeech simulated = new SimulatedSpeech();
        yield new LangChain4jSpeech(simulated, simulated, llm.provider(), media.voice());
      }
      case OPENAI ->
          new LangChain4jSpeech(
              media.speechToTextModel().isEmpty()
                  ? null
                  : OpenAiAudioTranscriptionModel.builder()
                      .httpClientProvider(ProviderModels.httpClient(llm))
                      .baseUrl(llm.baseUrl())
                      .apiKey(llm.apiKey())
                      .modelName(media.speechToTextModel())
                      .maxRetries(0)
                      .build(),
              media.textToSpeechModel().isEmpty()
                  ? null
                  : OpenAiTextToSpeechModel.builder()
                      .httpClientBuilder(ProviderModels.httpClient(llm))
                      .baseUrl(llm.baseUrl())
                      .apiKey(llm.apiKey())
                      .modelName(media.textToSpeechModel())
                      .voice(media.voice())
                      .maxRetries(0)
                      .build(),
              llm.provider(),
              media.voice());
      case OLLAMA -> new LangChain4jSpeech(null, null, llm.provider(), media.voice());
    };
  }

  @Override
  public boolean canTranscribe() {
    return transcriber != null;
  }

  @Override
  public boolean canSpeak() {
    return speaker != null;
  }

  @Override
  public String transcribe(AudioClip audio) {
    requireModel(transcriber, "speech-to-text");
    try {
      Audio input = Audio.builder().binaryData(audio.data()).mimeType(audio.mimeType()).build();
      return transcriber.transcribe(AudioTranscriptionRequest.builder(input).build()).text();
    } catch (RuntimeException e) {
      throw logged(ErrorMapper.toModelException(e, provider), "transcription");
    }
  }

  @Override
  public AudioClip speak(String text, String voice) {
    requireModel(speaker, "text-to-speech");
    try {
      Audio audio =
          speaker
              .synthesize(
                  TextToSpeechRequest.builder()
                      .text(text)
                      .voice(voice == null || voice.isBlank() ? defaultVoice : voice)
                      .build())
              .audio();
      byte[] data =
          audio.binaryData() != null
              ? audio.binaryData()
              : Base64.getDecoder().decode(audio.base64Data());
      String mimeType = audio.mimeType() == null ? SPEECH_MIME_TYPE : audio.mimeType();
      return new AudioClip(data, mimeType, "speech");
    } catch (RuntimeException e) {
      throw logged(ErrorMapper.toModelException(e, provider), "speech");
    }
  }

  private void requireModel(Object model, String what) {
    if (model == null) {
      throw new ModelException(
          ModelErrorKind.NOT_CONFIGURED, provider + " has no " + what + " model", null);
    }
  }

  private ModelException logged(ModelException e, String call) {
    LOG.warn(
        "{} call failed: provider={}: {} ({})",
        call,
        provider,
        Texts.loggable(e.getMessage()),
        e.kind());
    return e;
  }
}
