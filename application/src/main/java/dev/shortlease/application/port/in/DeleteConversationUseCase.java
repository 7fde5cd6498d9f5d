package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.ConversationId;

/** Use case: delete one of the user's conversations; not found if it is not theirs. */
public interface DeleteConversationUseCase {
  void delete(AppId appId, String user, ConversationId conversationId);
}
