package dev.shortlease.adapter.llm.simulated;

import dev.langchain4j.data.audio.Audio;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.audio.AudioTranscriptionModel;
import dev.langchain4j.model.audio.AudioTranscriptionRequest;
import dev.langchain4j.model.audio.AudioTranscriptionResponse;
import dev.langchain4j.model.audio.TextToSpeechModel;
import dev.langchain4j.model.audio.TextToSpeechRequest;
import dev.langchain4j.model.audio.TextToSpeechResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The simulated provider's speech models: offline and deterministic, so the audio endpoints can be
 * tested end to end. A transcript names the audio's size and checksum (the same bytes always give
 * the same text); speech is a silent 8 kHz mono WAV, 10 ms per character of text, so its length
 * shows the text arrived.
 */
public final class SimulatedSpeech implements AudioTranscriptionModel, TextToSpeechModel {
  private static final int SAMPLE_RATE = 8000;
  private static final int SAMPLES_PER_CHARACTER = SAMPLE_RATE / 100;

  @Override
  public ModelProvider provider() {
    return ModelProvider.OTHER;
  }

  @Override
  public AudioTranscriptionResponse transcribe(AudioTranscriptionRequest request) {
    byte[] audio = request.audio().binaryData();
    CRC32 crc = new CRC32();
    crc.update(audio);
    return AudioTranscriptionResponse.from(
        "Simulated transcript of %d bytes (crc %08x).".formatted(audio.length, crc.getValue()));
  }

  @Override
  public TextToSpeechResponse synthesize(TextToSpeechRequest request) {
    return TextToSpeechResponse.from(
        Audio.builder()
            .binaryData(silentWav(request.text().length() * SAMPLES_PER_CHARACTER))
            .mimeType("audio/wav")
            .build());
  }

  /** A PCM WAV file (16-bit mono) of {@code samples} silent samples. */
  static byte[] silentWav(int samples) {
    int dataBytes = samples * 2;
    ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
    wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
    wav.putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
    wav.put("data".getBytes()).putInt(dataBytes);
    byte[] bytes = wav.array();
    Arrays.fill(bytes, 44, bytes.length, (byte) 0);
    return bytes;
  }
}
