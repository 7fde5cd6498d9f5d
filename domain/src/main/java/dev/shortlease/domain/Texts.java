package dev.shortlease.domain;

/** Validation of free text shared by the records' compact constructors. */
public final class Texts {
  private Texts() {}

  /** Returns {@code text} trimmed, or throws naming {@code field} if it is blank or too long. */
  public static String requireText(String text, String field, int maxLength) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    String trimmed = text.strip();
    if (trimmed.length() > maxLength) {
      throw new InvalidInputException(field, "must be at most " + maxLength + " characters");
    }
    return trimmed;
  }

  /**
   * {@code text} as a database can store it: NUL (U+0000), which PostgreSQL's text types refuse,
   * becomes U+FFFD. For text the service did not take from a client (a model's answer, a name it
   * generated), which cannot be refused and must not fail its save.
   */
  public static String storable(String text) {
    return text == null || text.indexOf(0) < 0 ? text : text.replace('\0', '\uFFFD');
  }
}
