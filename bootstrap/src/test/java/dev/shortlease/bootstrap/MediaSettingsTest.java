package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MediaSettingsTest {
  private static final long MB = 1024 * 1024;

  @Test
  @DisplayName("defaults: Dify's upload limits, ./data/files, no vision, whisper-1, tts-1, alloy")
  void defaults() {
    MediaSettings media = Settings.fromEnvironment(Map.of()).media();

    assertThat(media.filesDir()).isEqualTo(Path.of("./data/files"));
    assertThat(media.limits().fileBytes()).isEqualTo(15 * MB);
    assertThat(media.limits().imageBytes()).isEqualTo(10 * MB);
    assertThat(media.limits().audioBytes()).isEqualTo(50 * MB);
    assertThat(media.limits().videoBytes()).isEqualTo(100 * MB);
    assertThat(media.limits().blockedExtensions()).isEmpty();
    assertThat(media.models().vision()).isFalse();
    assertThat(media.models().speechToTextModel()).isEqualTo("whisper-1");
    assertThat(media.models().textToSpeechModel()).isEqualTo("tts-1");
    assertThat(media.models().voice()).isEqualTo("alloy");
    assertThat(media.remoteImages().maxBytes()).isEqualTo(10 * MB);
    assertThat(media.remoteImages().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(media.remoteImages().timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(media.remoteImages().allowPrivateAddresses()).isFalse();
  }

  @Test
  @DisplayName(
      "remote images: capped at the image upload limit, timeouts and private addresses from the"
          + " environment")
  void remoteImages() {
    MediaSettings media =
        Settings.fromEnvironment(
                Map.of(
                    "UPLOAD_IMAGE_FILE_SIZE_LIMIT", "3",
                    "REMOTE_IMAGE_CONNECT_TIMEOUT_SECONDS", "2",
                    "REMOTE_IMAGE_TIMEOUT_SECONDS", "30",
                    "REMOTE_IMAGE_ALLOW_PRIVATE_ADDRESSES", "true"))
            .media();

    assertThat(media.remoteImages().maxBytes()).isEqualTo(3 * MB);
    assertThat(media.remoteImages().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(media.remoteImages().timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(media.remoteImages().allowPrivateAddresses()).isTrue();
  }

  @Test
  @DisplayName("every variable is read; the block list takes names with or without a dot")
  void configured() {
    MediaSettings media =
        Settings.fromEnvironment(
                Map.of(
                    "FILES_DIR", "/srv/files",
                    "UPLOAD_FILE_SIZE_LIMIT", "20",
                    "UPLOAD_IMAGE_FILE_SIZE_LIMIT", "5",
                    "UPLOAD_FILE_EXTENSION_BLACKLIST", "exe, .BAT,,",
                    "LLM_VISION", "true",
                    "LLM_SPEECH_TO_TEXT_MODEL", "whisper-large",
                    "LLM_TEXT_TO_SPEECH_VOICE", "nova"))
            .media();

    assertThat(media.filesDir()).isEqualTo(Path.of("/srv/files"));
    assertThat(media.limits().fileBytes()).isEqualTo(20 * MB);
    assertThat(media.limits().imageBytes()).isEqualTo(5 * MB);
    assertThat(media.limits().blockedExtensions()).containsExactlyInAnyOrder("exe", "bat");
    assertThat(media.models().vision()).isTrue();
    assertThat(media.models().speechToTextModel()).isEqualTo("whisper-large");
    assertThat(media.models().voice()).isEqualTo("nova");
  }

  @Test
  @DisplayName("a bad value stops the start naming the variable")
  void badValues() {
    for (Map<String, String> env :
        java.util.List.of(
            Map.of("UPLOAD_IMAGE_FILE_SIZE_LIMIT", "0"),
            Map.of("UPLOAD_VIDEO_FILE_SIZE_LIMIT", "2000"),
            Map.of("UPLOAD_FILE_SIZE_LIMIT", "ten"),
            Map.of("LLM_VISION", "maybe"),
            Map.of("REMOTE_IMAGE_TIMEOUT_SECONDS", "0"),
            Map.of("REMOTE_IMAGE_CONNECT_TIMEOUT_SECONDS", "11"),
            Map.of("REMOTE_IMAGE_ALLOW_PRIVATE_ADDRESSES", "sometimes"))) {
      String variable = env.keySet().iterator().next();
      assertThatThrownBy(() -> Settings.fromEnvironment(env))
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining(variable);
    }
  }
}
