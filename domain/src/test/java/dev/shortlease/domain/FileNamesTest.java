package dev.shortlease.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FileNamesTest {

  @Test
  @DisplayName("a name of at most 200 characters is kept as it is")
  void shortNamesAreKept() {
    String name = "f".repeat(195) + ".json";

    assertThat(FileNames.shortened(name)).isSameAs(name);
    assertThat(FileNames.extensionOf("Report.PDF")).isEqualTo("pdf");
    assertThat(FileNames.extensionOf("README")).isEmpty();
  }

  @Test
  @DisplayName("a longer name keeps its first 200 characters and its extension")
  void longNamesKeepTheirExtension() {
    assertThat(FileNames.shortened("a".repeat(250) + ".Tar")).isEqualTo("a".repeat(200) + ".Tar");
  }

  @Test
  @DisplayName("characters outside the BMP count once, as Dify counts them, and are never split")
  void emojiCountOnce() {
    String emoji = "\uD83D\uDE00";
    String kept = emoji.repeat(196) + ".png";
    String name = "a" + emoji.repeat(250) + ".png";

    assertThat(FileNames.shortened(kept)).as("200 characters, 396 UTF-16 units").isSameAs(kept);
    assertThat(FileNames.shortened(name)).isEqualTo("a" + emoji.repeat(199) + ".png");
    assertThat(FileNames.extensionOf("clip." + emoji.repeat(32))).isEqualTo(emoji.repeat(32));
    assertThat(FileNames.extensionOf("clip." + emoji.repeat(33))).isEmpty();
  }

  @Test
  @DisplayName("an 'extension' longer than 32 characters is part of the name")
  void overlongExtensionsArePartOfTheName() {
    String sentence = "notes.final version for the board review";

    assertThat(FileNames.extensionOf(sentence)).isEmpty();
    assertThat(FileNames.shortened(sentence.repeat(6))).hasSize(200);
  }
}
