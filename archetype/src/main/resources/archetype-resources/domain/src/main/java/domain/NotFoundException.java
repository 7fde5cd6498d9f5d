package ${package}.domain;

/** A record that does not exist; the web adapter answers 404. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
