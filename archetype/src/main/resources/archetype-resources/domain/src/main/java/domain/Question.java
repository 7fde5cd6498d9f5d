package ${package}.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The example feature's record: a question and, once a long call has produced one, its answer.
 * Plain data that crosses every port; the persistence adapter maps it to and from its entity.
 */
public record Question(UUID id, String text, Optional<String> answer) {
  public static final int MAX_TEXT_LENGTH = 2_000;

  public Question {
    Objects.requireNonNull(id, "id");
    text = requireText(text);
    Objects.requireNonNull(answer, "answer");
  }

  /** A question with no answer yet. */
  public static Question unanswered(UUID id, String text) {
    return new Question(id, text, Optional.empty());
  }

  public Question answered(String newAnswer) {
    return new Question(id, text, Optional.of(Objects.requireNonNull(newAnswer, "answer")));
  }

  /** The text, trimmed; blank or too long is an {@link InvalidInputException}. */
  public static String requireText(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("text must not be blank");
    }
    String trimmed = text.strip();
    if (trimmed.length() > MAX_TEXT_LENGTH) {
      throw new InvalidInputException("text must be at most " + MAX_TEXT_LENGTH + " characters");
    }
    return trimmed;
  }
}
