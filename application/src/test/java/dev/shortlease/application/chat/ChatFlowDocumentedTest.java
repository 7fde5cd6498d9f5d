package dev.shortlease.application.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.application.ReliabilitySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/chat-flow.md states what the code does: the values below are read from the code. */
class ChatFlowDocumentedTest {

  private static final Path PAGE = Path.of("..", "docs", "chat-flow.md");

  @Test
  @DisplayName("the flow's admission line admits as many starts as ReliabilitySettings does")
  void admissionLineMatchesTheSettings() throws Exception {
    String page = Files.readString(PAGE);

    assertThat(page)
        .contains(
            "at most CHAT_ADMISSION_PERMITS ("
                + ReliabilitySettings.ADMISSION_PERMITS_PER_CONNECTION
                + " x DB_POOL_SIZE) chat starts")
        .doesNotContain("DB_POOL_SIZE - 1 chat starts");
  }
}
