package dev.shortlease.domain;

import java.util.Objects;

/** An end user's rating of one message, with an optional comment. */
public record Feedback(Rating rating, String content) {
  public Feedback {
    Objects.requireNonNull(rating, "rating");
    content = content == null ? "" : content;
    Texts.requireAtMost(content, "content", 10_000);
  }
}
