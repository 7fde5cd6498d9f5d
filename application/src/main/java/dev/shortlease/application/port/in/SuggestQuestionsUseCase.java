package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.MessageId;
import java.util.List;

/**
 * Use case: up to three follow-up questions for a message, asked of the model with no connection
 * held.
 */
public interface SuggestQuestionsUseCase {
  List<String> suggest(AppId appId, String user, MessageId messageId);
}
