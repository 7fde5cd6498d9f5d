package dev.shortlease.domain;

/** An ID on the wire that is not a UUID. */
public final class InvalidIdException extends InvalidInputException {
  public InvalidIdException(String field, String problem) {
    super(field, problem);
  }
}
