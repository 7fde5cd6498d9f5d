package dev.shortlease.application.conversation;

import dev.shortlease.application.port.in.ListConversationsUseCase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.Conversation;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.port.ConversationSort;
import dev.shortlease.domain.port.ConversationsPort;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Use case: a user's conversations, one cursor page at a time. A user the app has never seen has
 * none (an empty page, as Dify answers).
 */
public final class ListConversationsService implements ListConversationsUseCase {
  private final OwnerResolver owners;
  private final ConversationsPort conversations;

  @Inject
  public ListConversationsService(OwnerResolver owners, ConversationsPort conversations) {
    this.owners = owners;
    this.conversations = conversations;
  }

  @Override
  public Page<Conversation> list(
      AppId appId, String user, ConversationId lastId, int limit, ConversationSort sort) {
    Page.requireLimit(limit);
    ConversationSort order = sort == null ? ConversationSort.UPDATED_DESC : sort;
    return owners
        .find(appId, user)
        .map(owner -> conversations.listConversations(owner, lastId, limit, order))
        .orElseGet(() -> new Page<>(List.of(), false));
  }
}
