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
}
