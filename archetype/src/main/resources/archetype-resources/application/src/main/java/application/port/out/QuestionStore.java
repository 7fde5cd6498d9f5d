package ${package}.application.port.out;

import ${package}.domain.Question;
import java.util.Optional;
import java.util.UUID;

/** Questions in the database. Every method is one short transaction and returns plain values. */
public interface QuestionStore {

  /** Stores a new, unanswered question. */
  Question add(String text);

  Optional<Question> find(UUID id);

  /** Stores the answer of an existing question; false when it does not exist (any more). */
  boolean saveAnswer(UUID id, String answer);
}
