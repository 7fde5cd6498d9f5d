package dev.shortlease.application.conversation;

import dev.shortlease.application.port.in.RenameConversationUseCase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.Conversation;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.port.ConversationsPort;
import jakarta.inject.Inject;

/**
 * Use case: rename a conversation, by the given name or (auto_generate) by one the model proposes
 * from the first query — read, model call with no connection held, write.
 */
public final class RenameConversationService implements RenameConversationUseCase {
  private final OwnerResolver owners;
  private final ConversationsPort conversations;
  private final ConversationNamer namer;

  @Inject
  public RenameConversationService(
      OwnerResolver owners, ConversationsPort conversations, ConversationNamer namer) {
    this.owners = owners;
    this.conversations = conversations;
    this.namer = namer;
  }

  @Override
  public Conversation rename(
      AppId appId, String user, ConversationId conversationId, String name, boolean autoGenerate) {
    String chosen = autoGenerate ? null : Conversation.requireName(name);
    Owner owner = owners.require(appId, user, "conversation");
    if (autoGenerate) {
      conversations
          .findConversation(owner, conversationId)
          .orElseThrow(() -> new NotFoundException("conversation"));
      chosen = namer.generate(owner, conversationId);
    }
    return conversations
        .renameConversation(owner, conversationId, chosen)
        .orElseThrow(() -> new NotFoundException("conversation"));
  }
}
