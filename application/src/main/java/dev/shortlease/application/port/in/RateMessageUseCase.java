package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.Rating;

/** Use case: like, dislike, or withdraw the rating ({@code rating} null) of a message. */
public interface RateMessageUseCase {
  void rate(AppId appId, String user, MessageId messageId, Rating rating, String content);
}
