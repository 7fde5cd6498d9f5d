package dev.shortlease.application.conversation;

import dev.shortlease.application.port.in.RateMessageUseCase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.Feedback;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Rating;
import dev.shortlease.domain.port.MessagesPort;
import jakarta.inject.Inject;

/** Use case: like or dislike one of the user's messages, or withdraw the rating. */
public final class RateMessageService implements RateMessageUseCase {
  private final OwnerResolver owners;
  private final MessagesPort messages;

  @Inject
  public RateMessageService(OwnerResolver owners, MessagesPort messages) {
    this.owners = owners;
    this.messages = messages;
  }

  @Override
  public void rate(AppId appId, String user, MessageId messageId, Rating rating, String content) {
    Feedback feedback = rating == null ? null : new Feedback(rating, content);
    if (!messages.setFeedback(owners.require(appId, user, "message"), messageId, feedback)) {
      throw new NotFoundException("message");
    }
  }
}
