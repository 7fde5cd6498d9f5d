package dev.shortlease.domain;

import java.time.Instant;
import java.util.Objects;

/** An end user's rating of one of the app's messages, as the app's feedback list shows it. */
public record AppFeedback(
    MessageId messageId,
    ConversationId conversationId,
    EndUserId endUserId,
    Feedback feedback,
    Instant ratedAt) {

  public AppFeedback {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(endUserId, "endUserId");
    Objects.requireNonNull(feedback, "feedback");
  }
}
