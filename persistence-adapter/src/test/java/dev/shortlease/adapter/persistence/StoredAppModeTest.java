package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.domain.AppMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StoredAppModeTest {

  @Test
  @DisplayName("stores exactly the values existing rows already hold")
  void storedValuesAreStable() {
    assertThat(StoredAppMode.of(AppMode.CHAT)).isEqualTo("chat");
    assertThat(StoredAppMode.of(AppMode.AGENT_CHAT)).isEqualTo("agent-chat");
    assertThat(StoredAppMode.of(AppMode.COMPLETION)).isEqualTo("completion");
  }

  @ParameterizedTest
  @EnumSource(AppMode.class)
  @DisplayName("every mode reads back as itself")
  void roundTrip(AppMode mode) {
    assertThat(StoredAppMode.from(StoredAppMode.of(mode))).isEqualTo(mode);
  }

  @Test
  @DisplayName("an unknown stored value fails loudly instead of guessing")
  void unknownValue() {
    assertThatThrownBy(() -> StoredAppMode.from("workflow"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("workflow");
    assertThatThrownBy(() -> StoredAppMode.from(null)).isInstanceOf(IllegalStateException.class);
  }
}
