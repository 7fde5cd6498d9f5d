package dev.shortlease.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageStatusTest {

  @ParameterizedTest
  @EnumSource(
      value = MessageStatus.class,
      names = {"NORMAL", "STOPPED", "ERROR"})
  @DisplayName("a running message may end in any terminal state")
  void runningBecomesTerminal(MessageStatus terminal) {
    assertThat(MessageStatus.RUNNING.canBecome(terminal)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = MessageStatus.class,
      names = {"NORMAL", "STOPPED", "ERROR"})
  @DisplayName("a terminal message never changes again, not even back to running")
  void terminalIsFinal(MessageStatus terminal) {
    for (MessageStatus next : MessageStatus.values()) {
      assertThat(terminal.canBecome(next)).isFalse();
    }
  }

  @Test
  @DisplayName("running cannot stay running")
  void runningToRunningIsRejected() {
    assertThat(MessageStatus.RUNNING.canBecome(MessageStatus.RUNNING)).isFalse();
  }

  @Test
  @DisplayName("an outcome must be terminal")
  void outcomeMustBeTerminal() {
    assertThatThrownBy(() -> new MessageOutcome(MessageStatus.RUNNING, "partial", null, null, null))
        .isInstanceOf(IllegalTransitionException.class);
  }
}
