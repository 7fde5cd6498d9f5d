package ${package}.application.port.out;

/**
 * A long call: something outside the database that takes its time to answer a question (a model
 * by default; any slow remote service looks the same to the use case).
 */
@LongCall
public interface AnswerPort {

  /** The answer to {@code question}; may take seconds. */
  String answer(String question);
}
