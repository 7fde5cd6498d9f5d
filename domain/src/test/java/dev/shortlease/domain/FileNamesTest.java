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
  @DisplayName("a cut never splits a character outside the BMP")
  void cutsKeepSurrogatePairsWhole() {
    String name = "a" + "\uD83D\uDE00".repeat(150) + ".png";

    String shortened = FileNames.shortened(name);

    assertThat(shortened).isEqualTo("a" + "\uD83D\uDE00".repeat(99) + ".png");
  }

  @Test
  @DisplayName("an 'extension' longer than 32 characters is part of the name")
  void overlongExtensionsArePartOfTheName() {
    String sentence = "notes.final version for the board review";

    assertThat(FileNames.extensionOf(sentence)).isEmpty();
    assertThat(FileNames.shortened(sentence.repeat(6))).hasSize(200);
  }
}
