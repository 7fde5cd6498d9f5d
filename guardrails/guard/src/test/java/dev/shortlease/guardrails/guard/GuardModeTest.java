package dev.shortlease.guardrails.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GuardModeTest {

  @Test
  @DisplayName("settings parse case-insensitively, blank means strict, anything else is refused")
  void parsesSettings() {
    assertThat(GuardMode.fromSetting("off")).isEqualTo(GuardMode.OFF);
    assertThat(GuardMode.fromSetting("warn")).isEqualTo(GuardMode.WARN);
    assertThat(GuardMode.fromSetting(" STRICT ")).isEqualTo(GuardMode.STRICT);
    assertThat(GuardMode.fromSetting(null)).isEqualTo(GuardMode.STRICT);
    assertThat(GuardMode.fromSetting("")).isEqualTo(GuardMode.STRICT);
    assertThatThrownBy(() -> GuardMode.fromSetting("loud"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("off, warn or strict")
        .hasMessageContaining("'loud'");
  }
}
