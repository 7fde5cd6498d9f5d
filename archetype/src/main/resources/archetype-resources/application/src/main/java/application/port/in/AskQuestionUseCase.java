package ${package}.application.port.in;

import ${package}.domain.Question;
import java.util.UUID;

/** Stores questions and reads them back. */
public interface AskQuestionUseCase {

  Question ask(String text);

  /** The question, answered or not; {@link ${package}.domain.NotFoundException} if unknown. */
  Question get(UUID id);
}
