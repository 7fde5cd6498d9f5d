package dev.shortlease.domain;

/**
 * What an annotation says: the question a query is matched against and the answer given instead of
 * the model's. Both are required and bounded (the question is embedded, the answer streamed).
 */
public record AnnotationText(String question, String answer) {
  public static final int MAX_QUESTION_LENGTH = 2_000;
  public static final int MAX_ANSWER_LENGTH = 20_000;

  public AnnotationText {
    question = required("question", question, MAX_QUESTION_LENGTH);
    answer = required("answer", answer, MAX_ANSWER_LENGTH);
  }

  private static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    Texts.requireAtMost(value, field, max);
    return value;
  }
}
