package ${package}.domain;

/** Input that breaks a rule of the domain; the web adapter answers 400. */
public class InvalidInputException extends RuntimeException {
  public InvalidInputException(String message) {
    super(message);
  }
}
