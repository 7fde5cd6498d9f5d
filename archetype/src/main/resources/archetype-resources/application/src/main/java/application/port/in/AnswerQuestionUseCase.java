package ${package}.application.port.in;

import ${package}.domain.Question;
import java.util.UUID;

/** Answers a stored question through a long call and saves the answer. */
public interface AnswerQuestionUseCase {

  /** The question with its new answer; {@link ${package}.domain.NotFoundException} if unknown. */
  Question answer(UUID id);
}
