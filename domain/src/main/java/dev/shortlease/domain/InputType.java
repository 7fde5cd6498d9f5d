package dev.shortlease.domain;

/**
 * The kinds of field an app's input form may have, as Dify's simple apps offer them: one-line text,
 * multi-line text, a choice among options, and a number.
 */
public enum InputType {
  TEXT_INPUT,
  PARAGRAPH,
  SELECT,
  NUMBER;

  /** True for the kinds whose value is text (and may have a maximum length). */
  public boolean isText() {
    return this != NUMBER;
  }
}
