package dev.shortlease.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextsTest {
  private static final String EMOJI = "\uD83D\uDE00"; // one character, two UTF-16 units

  @Test
  @DisplayName("a cap counts characters as Dify does: an emoji is one")
  void capsCountCodePoints() {
    assertThat(Texts.requireText(EMOJI.repeat(255), "user", 255)).hasSize(510);
    assertThat(Texts.requireText(" " + "u".repeat(255) + " ", "user", 255)).hasSize(255);
    assertThat(EndUser.requireExternalId(EMOJI.repeat(255))).isEqualTo(EMOJI.repeat(255));
  }

  @Test
  @DisplayName("one character past the cap is refused, naming the field and the cap")
  void pastTheCapIsRefused() {
    assertThatThrownBy(() -> Texts.requireText(EMOJI.repeat(256), "name", 255))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("name")
        .hasMessageContaining("must be at most 255 characters");
    assertThatThrownBy(() -> Texts.requireText("u".repeat(256), "user", 255))
        .isInstanceOf(InvalidInputException.class);
    assertThat(Texts.exceeds("a" + EMOJI.repeat(2), 3)).isFalse();
    assertThat(Texts.exceeds("ab" + EMOJI.repeat(2), 3)).isTrue();
  }

  @Test
  @DisplayName("loggable text is one line: CR, LF, other controls and line separators escaped")
  void loggableIsOneLine() {
    String forged = "down\r\n12:00:00.000 INFO admin -- granted\u2028x\u0085y\u0000z\tend";

    assertThat(Texts.loggable(forged))
        .isEqualTo("down\\r\\n12:00:00.000 INFO admin -- granted\\u2028x\\u0085y\\u0000z\tend");
    String plain = "gpt-4o-mini: 401 bad key";
    assertThat(Texts.loggable(plain)).isSameAs(plain);
    assertThat(Texts.loggable(null)).isEqualTo("null");
  }

  @Test
  @DisplayName("what cannot be stored becomes U+FFFD: NUL and half of a surrogate pair, not a pair")
  void storableReplacesNulAndHalfPairs() {
    assertThat(Texts.storable("a\0b")).isEqualTo("a\uFFFDb");
    assertThat(Texts.storable("a" + EMOJI + "b")).isEqualTo("a" + EMOJI + "b");
    assertThat(Texts.storable("\uD83Da\uDE00" + EMOJI + "\uD83D"))
        .isEqualTo("\uFFFDa\uFFFD" + EMOJI + "\uFFFD");
    assertThat(Texts.unpairedSurrogate(EMOJI + "x" + EMOJI)).isEqualTo(-1);
    assertThat(Texts.unpairedSurrogate(EMOJI + "\uDE00")).isEqualTo(2);
  }
}
