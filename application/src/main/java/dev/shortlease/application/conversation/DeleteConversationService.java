package dev.shortlease.application.conversation;

import dev.shortlease.application.port.in.DeleteConversationUseCase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.port.ConversationsPort;
import jakarta.inject.Inject;

/**
 * Use case: delete one of the user's conversations (softly, so a message still running in it can
 * end normally); not found when it is not theirs.
 */
public final class DeleteConversationService implements DeleteConversationUseCase {
  private final OwnerResolver owners;
  private final ConversationsPort conversations;

  @Inject
  public DeleteConversationService(OwnerResolver owners, ConversationsPort conversations) {
    this.owners = owners;
    this.conversations = conversations;
  }

  @Override
  public void delete(AppId appId, String user, ConversationId conversationId) {
    if (!conversations.deleteConversation(
        owners.require(appId, user, "conversation"), conversationId)) {
      throw new NotFoundException("conversation");
    }
  }
}
