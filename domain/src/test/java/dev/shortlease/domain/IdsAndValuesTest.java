package dev.shortlease.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IdsAndValuesTest {

  @Test
  @DisplayName(
      "a text-to-speech voice and language fit their columns or are refused, naming the field")
  void mediaTextsFitTheirColumns() {
    AppMedia fits = media("v".repeat(64), "l".repeat(32));
    assertThat(fits.voice()).hasSize(64);
    assertThat(fits.language()).hasSize(32);
    assertThatThrownBy(() -> media("", "l".repeat(33)))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("text_to_speech.language");
    assertThatThrownBy(() -> media("v".repeat(65), ""))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("text_to_speech.voice");
  }

  private static AppMedia media(String voice, String language) {
    AppMedia off = AppMedia.OFF;
    return new AppMedia(
        true,
        off.allowedKinds(),
        off.numberLimits(),
        off.transfers(),
        false,
        true,
        voice,
        language);
  }

  @Test
  @DisplayName("a typed ID parses its canonical UUID form and prints it back")
  void idRoundTrip() {
    UUID uuid = UUID.randomUUID();
    assertThat(MessageId.parse(uuid.toString(), "message_id").value()).isEqualTo(uuid);
    assertThat(MessageId.parse(uuid.toString(), "message_id").toString())
        .isEqualTo(uuid.toString());
  }

  @Test
  @DisplayName("a malformed ID names the field it came from")
  void malformedIdNamesField() {
    assertThatThrownBy(() -> ConversationId.parse("not-a-uuid", "conversation_id"))
        .isInstanceOf(InvalidIdException.class)
        .hasMessage("conversation_id is not a valid UUID")
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("conversation_id");
    assertThatThrownBy(() -> ConversationId.parse("1-1-1-1-1", "conversation_id"))
        .isInstanceOf(InvalidIdException.class);
    assertThatThrownBy(() -> ConversationId.parse(" ", "conversation_id"))
        .hasMessage("conversation_id is required");
  }

  @Test
  @DisplayName("an app key is stored as its SHA-256 and compared in constant time")
  void apiKeyHash() {
    String key = ApiKeyHash.newPlainKey();
    assertThat(key).startsWith("app-").hasSize(28);
    assertThat(ApiKeyHash.of(key).hex()).hasSize(64).doesNotContain(key);
    assertThat(ApiKeyHash.of(key).matches(ApiKeyHash.of(key))).isTrue();
    assertThat(ApiKeyHash.of(key).matches(ApiKeyHash.of(key + "x"))).isFalse();
    assertThat(ApiKeyHash.newPlainKey()).isNotEqualTo(key);
  }

  @Test
  @DisplayName("the user string is required and bounded")
  void userIsValidated() {
    assertThatThrownBy(() -> EndUser.requireExternalId("  "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("user is required");
    assertThatThrownBy(() -> EndUser.requireExternalId("u".repeat(256)))
        .hasMessageContaining("at most 255");
    assertThat(EndUser.requireExternalId(" alice ")).isEqualTo("alice");
  }

  @Test
  @DisplayName("token usage adds up and refuses negatives")
  void tokenUsage() {
    assertThat(new TokenUsage(3, 4).plus(new TokenUsage(1, 2))).isEqualTo(new TokenUsage(4, 6));
    assertThat(new TokenUsage(3, 4).totalTokens()).isEqualTo(7);
    assertThatThrownBy(() -> new TokenUsage(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("model settings reject out-of-range values with the field name")
  void modelSettings() {
    assertThatThrownBy(() -> new ModelSettings("m", 3.0, null)).hasMessageContaining("temperature");
    assertThatThrownBy(() -> new ModelSettings("m", null, 0)).hasMessageContaining("max_tokens");
  }
}
