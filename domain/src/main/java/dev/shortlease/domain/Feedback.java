package dev.shortlease.domain;

import java.util.Objects;

/** An end user's rating of one message, with an optional comment. */
public record Feedback(Rating rating, String content) {
  public Feedback {
    Objects.requireNonNull(rating, "rating");
    content = content == null ? "" : content;
    if (content.length() > 10_000) {
      throw new InvalidInputException("content", "must be at most 10000 characters");
    }
  }
}
