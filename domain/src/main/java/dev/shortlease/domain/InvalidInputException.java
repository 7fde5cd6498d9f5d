package dev.shortlease.domain;

/** Input that breaks a rule of the domain; names the offending field so clients can fix it. */
public class InvalidInputException extends DomainException {
  private final String field;

  public InvalidInputException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
  }

  private InvalidInputException(String field, String message, boolean whole) {
    super(message);
    this.field = field;
  }

  /** An error worded whole (Dify's own sentence), still naming the field it is about. */
  public static InvalidInputException worded(String field, String message) {
    return new InvalidInputException(field, message, true);
  }

  public String field() {
    return field;
  }
}
