package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.Conversation;
import dev.shortlease.domain.ConversationId;

/** Use case: rename a conversation, by a given name or by asking the model for one. */
public interface RenameConversationUseCase {

  /** {@code name} is required unless {@code autoGenerate}; returns the renamed conversation. */
  Conversation rename(
      AppId appId, String user, ConversationId conversationId, String name, boolean autoGenerate);
}
