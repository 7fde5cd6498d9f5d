package dev.shortlease.domain;

import java.util.Locale;

/** An end user's verdict on an answer. */
public enum Rating {
  LIKE,
  DISLIKE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses Dify's wire value; {@code null} means "withdraw my rating". */
  public static Rating fromWireOrNull(String value) {
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "like" -> LIKE;
      case "dislike" -> DISLIKE;
      default -> throw new InvalidInputException("rating", "must be like, dislike or null");
    };
  }
}
