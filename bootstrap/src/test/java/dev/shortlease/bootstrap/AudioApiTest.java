package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.application.testing.ScriptedChatModel;
import dev.shortlease.bootstrap.Multipart.Part;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Audio over real HTTP with the simulated speech models (deterministic, offline): Dify's shapes,
 * its errors for an app or a provider without speech, owner-scoped message voicing.
 */
class AudioApiTest {
  private static final ScriptedChatModel MODEL = new ScriptedChatModel();
  private static final byte[] AUDIO = "ID3-fake-mp3-bytes".getBytes(StandardCharsets.US_ASCII);
  private static ShortleaseServer server;
  private static Api api;

  @BeforeAll
  static void start() {
    server = TestServers.scripted(MODEL);
    api = new Api(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Api.AppKey appWithSpeech() {
    Api.AppKey app = api.createApp("chat");
    Api.Reply patched =
        api.patch(
            "/admin/apps/" + app.id(),
            TestServers.ADMIN_TOKEN,
            "{\"speech_to_text\":{\"enabled\":true},"
                + "\"text_to_speech\":{\"enabled\":true,\"voice\":\"nova\",\"language\":\"en-US\"}}");
    assertThat(patched.status()).as(patched.text()).isEqualTo(200);
    assertThat(patched.json().at("/text_to_speech/voice").asText()).isEqualTo("nova");
    return app;
  }

  private static HttpResponse<byte[]> transcribe(String key, String type) throws Exception {
    return Multipart.post(
        server,
        "/v1/audio-to-text",
        key,
        List.of(Part.file("file", "q.mp3", type, AUDIO), Part.field("user", "alice")));
  }

  private static HttpResponse<byte[]> speak(String key, String json) throws Exception {
    return Multipart.postJson(server, "/v1/text-to-audio", key, json);
  }

  private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
    return Api.JSON.readTree(response.body());
  }

  @Test
  @DisplayName("speech to text answers {text}, deterministically, when the app has it on")
  void transcribes() throws Exception {
    Api.AppKey app = appWithSpeech();

    HttpResponse<byte[]> first = transcribe(app.key(), "audio/mp3");
    HttpResponse<byte[]> again = transcribe(app.key(), "audio/mp3");

    assertThat(first.statusCode()).as(new String(first.body())).isEqualTo(200);
    assertThat(json(first).get("text").asText())
        .startsWith("Simulated transcript of " + AUDIO.length + " bytes");
    assertThat(json(again)).isEqualTo(json(first));
    JsonNode parameters = api.get("/v1/parameters", app.key()).json();
    assertThat(parameters.at("/speech_to_text/enabled").asBoolean()).isTrue();
    assertThat(parameters.at("/text_to_speech/enabled").asBoolean()).isTrue();
    assertThat(parameters.at("/text_to_speech/language").asText()).isEqualTo("en-US");
  }

  @Test
  @DisplayName("speech to text errors: switched off, no file, a type Dify refuses")
  void transcriptionErrors() throws Exception {
    Api.AppKey off = api.createApp("chat");
    Api.AppKey on = appWithSpeech();

    assertError(transcribe(off.key(), "audio/mp3"), 400, "speech_to_text_disabled");
    assertError(transcribe(on.key(), "audio/mpeg"), 415, "unsupported_audio_type");
    assertError(
        Multipart.post(server, "/v1/audio-to-text", on.key(), List.of(Part.field("user", "a"))),
        400,
        "no_audio_uploaded");
    assertThat(
            api.get("/v1/parameters", off.key()).json().at("/speech_to_text/enabled").asBoolean())
        .isFalse();
  }

  @Test
  @DisplayName(
      "another file part but no file part: no_audio_uploaded (Dify's own code for it; Dify itself"
          + " answers werkzeug's bad_request_key_error from request.files[\"file\"])")
  void otherFilePartIsNoAudio() throws Exception {
    Api.AppKey on = appWithSpeech();

    HttpResponse<byte[]> refused =
        Multipart.post(
            server,
            "/v1/audio-to-text",
            on.key(),
            List.of(Part.file("audio", "q.mp3", "audio/mp3", AUDIO), Part.field("user", "a")));

    assertError(refused, 400, "no_audio_uploaded");
    assertThat(json(refused).get("message").asText()).isEqualTo("Please upload your audio.");
  }

  @Test
  @DisplayName(
      "two file parts: the first is transcribed and the rest ignored, as Dify's"
          + " request.files[\"file\"] (no too_many_files on this route)")
  void transcribesTheFirstOfTwoFiles() throws Exception {
    Api.AppKey on = appWithSpeech();
    byte[] longer = "ID3-a-longer-fake-mp3".getBytes(StandardCharsets.US_ASCII);

    HttpResponse<byte[]> first =
        Multipart.post(
            server,
            "/v1/audio-to-text",
            on.key(),
            List.of(
                Part.file("file", "a.mp3", "audio/mp3", AUDIO),
                Part.file("file", "b.txt", "text/plain", longer)));
    HttpResponse<byte[]> refusedFirst =
        Multipart.post(
            server,
            "/v1/audio-to-text",
            on.key(),
            List.of(
                Part.file("file", "b.txt", "text/plain", longer),
                Part.file("file", "a.mp3", "audio/mp3", AUDIO)));

    assertThat(first.statusCode()).as(new String(first.body())).isEqualTo(200);
    assertThat(json(first).get("text").asText())
        .startsWith("Simulated transcript of " + AUDIO.length + " bytes");
    assertError(refusedFirst, 415, "unsupported_audio_type");
  }

  @Test
  @DisplayName("text to speech answers audio bytes for a text, and for the user's own message")
  void speaks() throws Exception {
    Api.AppKey app = appWithSpeech();
    String messageId = answered(app, "alice");

    HttpResponse<byte[]> text =
        speak(app.key(), "{\"text\":\"Hello\",\"user\":\"alice\",\"streaming\":false}");
    assertThat(text.statusCode()).isEqualTo(200);
    assertThat(text.headers().firstValue("Content-Type")).contains("audio/wav");
    assertThat(new String(text.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    assertThat(text.body()).hasSize(44 + "Hello".length() * 160);

    HttpResponse<byte[]> message =
        speak(
            app.key(),
            "{\"message_id\":\"" + messageId + "\",\"text\":\"ignored\",\"user\":\"alice\"}");
    assertThat(message.statusCode()).isEqualTo(200);
    assertThat(message.body()).hasSize(44 + "Four words of answer".length() * 160);

    HttpResponse<byte[]> notHers =
        speak(app.key(), "{\"message_id\":\"" + messageId + "\",\"user\":\"bob\"}");
    assertError(notHers, 404, "not_found");
  }

  @Test
  @DisplayName("text to speech takes a numeric user as its text, as every other route does")
  void speaksForANumericUser() throws Exception {
    Api.AppKey app = appWithSpeech();
    String messageId = answered(app, "42");

    HttpResponse<byte[]> his =
        speak(app.key(), "{\"message_id\":\"" + messageId + "\",\"user\":42}");

    assertThat(his.statusCode()).as(new String(his.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(his.body()).hasSize(44 + "Four words of answer".length() * 160);
  }

  @Test
  @DisplayName("text to speech errors: switched off (Dify's invalid_param), no text")
  void speechErrors() throws Exception {
    Api.AppKey off = api.createApp("chat");
    Api.AppKey on = appWithSpeech();

    HttpResponse<byte[]> disabled = speak(off.key(), "{\"text\":\"Hi\",\"user\":\"alice\"}");
    assertError(disabled, 400, "invalid_param");
    assertThat(json(disabled).get("message").asText()).isEqualTo("TTS is not enabled");
    assertError(speak(on.key(), "{\"user\":\"alice\"}"), 400, "invalid_param");
    assertError(speak(on.key(), "{\"text\":5}"), 400, "invalid_param");
  }

  @Test
  @DisplayName(
      "a request's voice is a name: up to 64 characters (an app's own voice) it reaches the"
          + " provider, longer is 400 invalid_param naming voice, not sent on")
  void voiceIsCapped() throws Exception {
    Api.AppKey on = appWithSpeech();
    String longest = "v".repeat(64);

    HttpResponse<byte[]> fits =
        speak(on.key(), "{\"text\":\"Hi\",\"user\":\"alice\",\"voice\":\"" + longest + "\"}");
    assertThat(fits.statusCode())
        .as(new String(fits.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);

    for (String voice : List.of(longest + "v", "v".repeat(500_000))) {
      HttpResponse<byte[]> refused =
          speak(on.key(), "{\"text\":\"Hi\",\"user\":\"alice\",\"voice\":\"" + voice + "\"}");
      assertError(refused, 400, "invalid_param");
      assertThat(json(refused).get("message").asText())
          .isEqualTo("voice must be at most 64 characters");
    }
  }

  @Test
  @DisplayName("a provider without speech models (Ollama) gets Dify's provider errors")
  void providerWithoutSpeech() throws Exception {
    try (ShortleaseServer ollama =
        TestServers.simulated(
            Map.of("LLM_PROVIDER", "ollama", "LLM_BASE_URL", "http://127.0.0.1:9"))) {
      Api other = new Api(ollama);
      Api.AppKey app = other.createApp("chat");
      other.patch(
          "/admin/apps/" + app.id(),
          TestServers.ADMIN_TOKEN,
          "{\"speech_to_text\":{\"enabled\":true},\"text_to_speech\":{\"enabled\":true}}");

      assertError(
          Multipart.post(
              ollama,
              "/v1/audio-to-text",
              app.key(),
              List.of(Part.file("file", "q.mp3", "audio/mp3", AUDIO))),
          400,
          "provider_not_support_speech_to_text");
      assertError(
          Multipart.postJson(ollama, "/v1/text-to-audio", app.key(), "{\"text\":\"Hi\"}"),
          400,
          "provider_not_initialize");
    }
  }

  private static void assertError(HttpResponse<byte[]> response, int status, String code)
      throws Exception {
    assertThat(response.statusCode())
        .as(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(status);
    assertThat(json(response).get("code").asText()).isEqualTo(code);
    assertThat(json(response).get("status").asInt()).isEqualTo(status);
  }

  /** The ID of a blocking chat of {@code user}'s, answered "Four words of answer". */
  private String answered(Api.AppKey app, String user) {
    MODEL.then(reply("Four", " words", " of", " answer"));
    return api.post("/v1/chat-messages", app.key(), Api.chat(user, "Hi", "blocking", null))
        .json()
        .get("message_id")
        .asText();
  }
}
