package dev.shortlease.domain;

/** Validation of free text shared by the records' compact constructors. */
public final class Texts {
  private Texts() {}

  /**
   * Returns {@code text} trimmed, or throws naming {@code field} if it is blank or longer than
   * {@code maxLength} characters (code points, as Dify and PostgreSQL count them).
   */
  public static String requireText(String text, String field, int maxLength) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    String trimmed = text.strip();
    requireAtMost(trimmed, field, maxLength);
    return trimmed;
  }

  /**
   * Throws naming {@code field} if {@code text} has more than {@code maxLength} characters. A
   * character is a code point: an emoji is one, although Java's {@code length()} counts it twice.
   */
  public static void requireAtMost(String text, String field, int maxLength) {
    if (exceeds(text, maxLength)) {
      throw new InvalidInputException(field, "must be at most " + maxLength + " characters");
    }
  }

  /** Whether {@code text} has more than {@code maxLength} code points. */
  public static boolean exceeds(String text, int maxLength) {
    // length() bounds the count from above: only a long text is counted.
    return text.length() > maxLength && text.codePointCount(0, text.length()) > maxLength;
  }

  /**
   * {@code text} as a database can store it: NUL (U+0000), which PostgreSQL's text types refuse,
   * and a surrogate without its pair, which is no character (PostgreSQL's driver writes it as
   * {@code ?}, H2 keeps it), become U+FFFD. For text the service did not take from a client (a
   * model's answer, a name it generated), which cannot be refused and must not fail its save.
   */
  public static String storable(String text) {
    if (text == null || (text.indexOf(0) < 0 && unpairedSurrogate(text) < 0)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0 || isUnpaired(text, i)) {
        out.append('\uFFFD');
      } else {
        out.append(c);
        if (Character.isHighSurrogate(c)) {
          out.append(text.charAt(++i)); // its pair
        }
      }
    }
    return out.toString();
  }

  /** The index of the first surrogate in {@code text} without its pair, or -1. */
  public static int unpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (isUnpaired(text, i)) {
          return i;
        }
        i++; // a high surrogate and its low one
      }
    }
    return -1;
  }

  private static boolean isUnpaired(String text, int i) {
    char c = text.charAt(i);
    return Character.isLowSurrogate(c)
        || (Character.isHighSurrogate(c)
            && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))));
  }

  /**
   * {@code text} as one log line: CR, LF, the other control characters (tab aside) and the Unicode
   * line and paragraph separators become backslash escapes (a line feed {@code \n}, the others
   * their code), so text a client, an admin or a provider sent cannot forge log lines. For log
   * sites only: stored text stays as received.
   */
  public static String loggable(String text) {
    if (text == null) {
      return "null";
    }
    int i = 0;
    while (i < text.length() && !breaksLine(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text; // the usual case: nothing to escape, nothing copied
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!breaksLine(c)) {
        escaped.append(c);
      } else if (c == '\n') {
        escaped.append("\\n");
      } else if (c == '\r') {
        escaped.append("\\r");
      } else {
        escaped.append(String.format("\\u%04x", (int) c));
      }
    }
    return escaped.toString();
  }

  private static boolean breaksLine(char c) {
    return (Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029';
  }
}
