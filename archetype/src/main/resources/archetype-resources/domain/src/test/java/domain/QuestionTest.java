package ${package}.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuestionTest {

  @Test
  void textIsTrimmedAndAnAnswerCanBeAdded() {
    Question question = Question.unanswered(UUID.randomUUID(), "  Why?  ");

    assertThat(question.text()).isEqualTo("Why?");
    assertThat(question.answer()).isEmpty();
    assertThat(question.answered("Because.").answer()).contains("Because.");
  }

  @Test
  void blankOrOverlongTextIsRefused() {
    UUID id = UUID.randomUUID();

    assertThatThrownBy(() -> Question.unanswered(id, " "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("blank");
    assertThatThrownBy(() -> Question.unanswered(id, "x".repeat(Question.MAX_TEXT_LENGTH + 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at most");
  }
}
