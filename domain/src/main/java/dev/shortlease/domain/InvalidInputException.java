package dev.shortlease.domain;

/** Input that breaks a rule of the domain; names the offending field so clients can fix it. */
public class InvalidInputException extends DomainException {
  private final String field;

  public InvalidInputException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
