package dev.shortlease.application.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.application.ReliabilitySettings;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.domain.TokenUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/chat-flow.md states what the code does: the values below are read from the code. */
class ChatFlowDocumentedTest {

  private static final Path PAGE = Path.of("..", "docs", "chat-flow.md");

  @Test
  @DisplayName("the stored errors the stop table shows are the ones a run saves")
  void storedErrorsAreTheSavedOnes() throws Exception {
    String page = Files.readString(PAGE);
    String modelError =
        RunEnding.of(Optional.empty(), new ModelException(ModelErrorKind.RATE_LIMITED, "429"))
            .outcome("", TokenUsage.NONE, Duration.ZERO)
            .error();

    assertThat(page)
        .contains("`" + RunEnding.INTERNAL_ERROR + "`")
        .contains("`" + modelError + "`");
  }

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
