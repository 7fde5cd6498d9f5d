package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
            Map.of("LLM_VISION", "maybe"))) {
      String variable = env.keySet().iterator().next();
      assertThatThrownBy(() -> Settings.fromEnvironment(env))
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining(variable);
    }
  }
}
