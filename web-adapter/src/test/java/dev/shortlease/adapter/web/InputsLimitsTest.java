package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InputsLimitsTest {
  private final InputsLimits limits = new InputsLimits(2, 10);

  @Test
  @DisplayName("inputs at the caps pass unchanged")
  void atTheCaps() {
    Map<String, Object> inputs = Map.of("ab", "cde", "f", "ghij");

    assertThat(limits.check(inputs, null)).isSameAs(inputs);
  }

  @Test
  @DisplayName("a key too many is a 400 invalid_param naming inputs")
  void tooManyKeys() {
    assertThatThrownBy(() -> limits.check(Map.of("a", "", "b", "", "c", ""), null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.error().status()).isEqualTo(400);
              assertThat(e.error().code()).isEqualTo("invalid_param");
              assertThat(e.error().message()).isEqualTo("inputs must have at most 2 keys, had 3");
            });
  }

  @Test
  @DisplayName("bytes are counted in UTF-8, keys included; the exempt entry is not counted")
  void bytesInUtf8() {
    assertThatThrownBy(() -> limits.check(Map.of("k", "ééééé"), null)) // 1 + 10 bytes
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.error().message())
                    .isEqualTo("inputs must be at most 10 bytes (keys and values, UTF-8), had 11"));
    assertThat(limits.check(Map.of("query", "x".repeat(1_000), "k", "v"), "query")).hasSize(2);
  }
}
