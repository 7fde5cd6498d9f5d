package dev.shortlease.application.port.in;

import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.MessageId;
import java.util.List;

/**
 * Use case: up to three follow-up questions for a message, asked of the model with no connection
 * held.
 */
public interface SuggestQuestionsUseCase {
  /**
   * The questions; none when the model fails, takes too long, or {@code clientGone} is raised (the
   * model call is stopped then). {@link ActiveRequestLimitException} when the app, the user or the
   * side calls are at their limit.
   */
  List<String> suggest(AppId appId, String user, MessageId messageId, StopSignal clientGone);
}
