package dev.shortlease.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortlease.adapter.llm.wire.FakeLlmServer;
import dev.shortlease.adapter.llm.wire.FakeLlmServer.Ending;
import dev.shortlease.adapter.llm.wire.FakeLlmServer.Reply;
import dev.shortlease.adapter.llm.wire.OpenAiWire;
import dev.shortlease.application.port.out.AudioClip;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.application.port.out.ModelImage;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.domain.ModelSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OpenAI-compatible provider: images and speech, against a local fake server")
class OpenAiMediaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final FakeLlmServer server = new FakeLlmServer();

  @AfterEach
  void stop() {
    server.close();
  }

  private LlmSettings openai() {
    return new LlmSettings(
        "openai",
        server.baseUrl(),
        "sk-test-key",
        "gpt-4o-mini",
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        0,
        1,
        1);
  }

  private static ModelRequest withImages(String text, List<ModelImage> images) {
    return new ModelRequest(
        ModelSettings.DEFAULT, List.of(new ModelMessage.User(text, images)), List.of());
  }

  private JsonNode lastBody() throws Exception {
    return JSON.readTree(server.requests().getLast().body());
  }

  @Test
  @DisplayName("a vision model gets the user's images as image_url parts: a URL and inline bytes")
  void imagePartsArrive() throws Exception {
    server.enqueue(OpenAiWire.text(List.of("A", " cat"), 9));
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    LangChain4jChatModel model = LangChain4jChatModel.fromSettings(openai()).withVision(true);

    List<String> tokens = new ArrayList<>();
    model.chat(
        withImages(
            "What is this?",
            List.of(
                new ModelImage.Link(URI.create("https://example.com/cat.png")),
                new ModelImage.Inline("image/png", png))),
        tokens::add,
        StopSignal.never());

    assertThat(model.supportsVision()).isTrue();
    assertThat(String.join("", tokens)).isEqualTo("A cat");
    JsonNode content = lastBody().path("messages").get(0).path("content");
    assertThat(content.get(0).path("type").asText()).isEqualTo("text");
    assertThat(content.get(0).path("text").asText()).isEqualTo("What is this?");
    assertThat(content.get(1).path("type").asText()).isEqualTo("image_url");
    assertThat(content.get(1).path("image_url").path("url").asText())
        .isEqualTo("https://example.com/cat.png");
    assertThat(content.get(2).path("image_url").path("url").asText())
        .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
  }

  @Test
  @DisplayName("without images the user's content stays a plain string, and vision is off")
  void textOnly() throws Exception {
    server.enqueue(OpenAiWire.text(List.of("Hi"), 2));
    LangChain4jChatModel model = LangChain4jChatModel.fromSettings(openai());

    model.chat(withImages("Hello", List.of()), token -> {}, StopSignal.never());

    assertThat(model.supportsVision()).isFalse();
    assertThat(lastBody().path("messages").get(0).path("content").asText()).isEqualTo("Hello");
  }

  @Test
  @DisplayName("speech to text posts the audio to /audio/transcriptions and returns its text")
  void transcribes() {
    server.enqueue(json(200, "{\"text\":\"hello there\"}"));
    LangChain4jSpeech speech =
        LangChain4jSpeech.fromSettings(openai(), MediaModelSettings.defaults());

    String text =
        speech.transcribe(
            new AudioClip("RIFFfake".getBytes(StandardCharsets.US_ASCII), "audio/wav", "q.wav"));

    assertThat(speech.canTranscribe()).isTrue();
    assertThat(text).isEqualTo("hello there");
    FakeLlmServer.Recorded request = server.requests().getLast();
    assertThat(request.path()).isEqualTo("/audio/transcriptions");
    assertThat(request.header("Content-Type")).startsWith("multipart/form-data");
    assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test-key");
    assertThat(request.body()).contains("whisper-1").contains("RIFFfake");
  }

  @Test
  @DisplayName("text to speech posts model, input and voice to /audio/speech and returns the audio")
  void speaks() throws Exception {
    server.enqueue(
        new Reply(200, "audio/mpeg", List.of("ID3fake"), Duration.ZERO, Ending.COMPLETE));
    LangChain4jSpeech speech =
        LangChain4jSpeech.fromSettings(openai(), MediaModelSettings.defaults());

    AudioClip audio = speech.speak("Hello!", "nova");

    assertThat(new String(audio.data(), StandardCharsets.US_ASCII)).isEqualTo("ID3fake");
    assertThat(server.requests().getLast().path()).isEqualTo("/audio/speech");
    JsonNode body = lastBody();
    assertThat(body.path("model").asText()).isEqualTo("tts-1");
    assertThat(body.path("input").asText()).isEqualTo("Hello!");
    assertThat(body.path("voice").asText()).isEqualTo("nova");
  }

  @Test
  @DisplayName("a provider's 401 on speech is NOT_CONFIGURED, a 500 REQUEST_FAILED")
  void speechErrors() {
    server.enqueue(json(401, OpenAiWire.errorBody("auth", "invalid_api_key", "Bad key")));
    server.enqueue(json(500, OpenAiWire.errorBody("server", "500", "boom")));
    LangChain4jSpeech speech =
        LangChain4jSpeech.fromSettings(openai(), MediaModelSettings.defaults());
    AudioClip clip = new AudioClip(new byte[] {1}, "audio/mp3", "a.mp3");

    assertThatThrownBy(() -> speech.transcribe(clip))
        .isInstanceOfSatisfying(
            ModelException.class,
            e -> assertThat(e.kind()).isEqualTo(ModelErrorKind.NOT_CONFIGURED));
    assertThatThrownBy(() -> speech.speak("Hi", ""))
        .isInstanceOfSatisfying(
            ModelException.class,
            e -> assertThat(e.kind()).isEqualTo(ModelErrorKind.REQUEST_FAILED));
  }

  @Test
  @DisplayName("blank model names, and Ollama, offer no speech models")
  void noSpeechModels() {
    LangChain4jSpeech none =
        LangChain4jSpeech.fromSettings(openai(), new MediaModelSettings(false, "", " ", null));
    LangChain4jSpeech ollama =
        LangChain4jSpeech.fromSettings(
            new LlmSettings("ollama", null, null, null, null, null, 0, 1, 1),
            MediaModelSettings.defaults());

    assertThat(none.canTranscribe()).isFalse();
    assertThat(none.canSpeak()).isFalse();
    assertThat(ollama.canTranscribe()).isFalse();
    assertThat(ollama.canSpeak()).isFalse();
  }

  @Test
  @DisplayName("the simulated speech models answer deterministically, offline")
  void simulated() {
    LangChain4jSpeech speech =
        LangChain4jSpeech.fromSettings(LlmSettings.simulated(), MediaModelSettings.defaults());
    AudioClip clip = new AudioClip(new byte[] {1, 2, 3}, "audio/mp3", "a.mp3");

    assertThat(speech.transcribe(clip)).isEqualTo(speech.transcribe(clip)).contains("3 bytes");
    AudioClip spoken = speech.speak("Hello", "");
    assertThat(spoken.mimeType()).isEqualTo("audio/wav");
    assertThat(new String(spoken.data(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    assertThat(spoken.data()).hasSize(44 + 5 * 80 * 2);
  }

  private static Reply json(int status, String body) {
    return new Reply(status, "application/json", List.of(body), Duration.ZERO, Ending.COMPLETE);
  }
}
