package ${package}.application;

import ${package}.application.port.in.AskQuestionUseCase;
import ${package}.application.port.out.QuestionStore;
import ${package}.domain.NotFoundException;
import ${package}.domain.Question;
import jakarta.inject.Inject;
import java.util.UUID;

/** Stores and reads questions: one short transaction each. */
public final class AskQuestionService implements AskQuestionUseCase {
  private final QuestionStore store;

  @Inject
  public AskQuestionService(QuestionStore store) {
    this.store = store;
  }

  @Override
  public Question ask(String text) {
    return store.add(Question.requireText(text));
  }

  @Override
  public Question get(UUID id) {
    return store.find(id).orElseThrow(() -> new NotFoundException("no question " + id));
  }
}
