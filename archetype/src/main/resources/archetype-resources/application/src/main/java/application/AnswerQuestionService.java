package ${package}.application;

import ${package}.application.port.in.AnswerQuestionUseCase;
import ${package}.application.port.out.AnswerPort;
import ${package}.application.port.out.QuestionStore;
import ${package}.domain.NotFoundException;
import ${package}.domain.Question;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * The rule this service is built around, in three steps: read in one short transaction, make the
 * long call holding no connection, write in a second short transaction. Only IDs and plain values
 * pass between the steps, never an entity or a session.
 */
public final class AnswerQuestionService implements AnswerQuestionUseCase {
  private final QuestionStore store;
  private final AnswerPort answers;

  @Inject
  public AnswerQuestionService(QuestionStore store, AnswerPort answers) {
    this.store = store;
    this.answers = answers;
  }

  @Override
  public Question answer(UUID id) {
    Question question = store.find(id).orElseThrow(() -> notFound(id)); // transaction 1
    String answer = answers.answer(question.text()); // the long call: no connection held
    if (!store.saveAnswer(id, answer)) { // transaction 2
      throw notFound(id);
    }
    return question.answered(answer);
  }

  private static NotFoundException notFound(UUID id) {
    return new NotFoundException("no question " + id);
  }
}
