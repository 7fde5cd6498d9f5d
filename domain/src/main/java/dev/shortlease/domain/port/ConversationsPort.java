package dev.shortlease.domain.port;

import dev.shortlease.domain.Conversation;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.Page;
import java.util.Optional;

/** Outbound port: an owner's conversations. Deleted conversations behave as missing. */
public interface ConversationsPort {

  /**
   * One page in {@code sort} order, starting after {@code lastId} ({@code null} for the first
   * page). Throws {@link dev.shortlease.domain.NotFoundException} ("last Conversation") when {@code
   * lastId} is not one of this owner's conversations.
   */
  Page<Conversation> listConversations(
      Owner owner, ConversationId lastId, int limit, ConversationSort sort);

  Optional<Conversation> findConversation(Owner owner, ConversationId id);

  /** Renames and returns the new state, or empty when not found. */
  Optional<Conversation> renameConversation(Owner owner, ConversationId id, String name);

  /**
   * Sets the name only if the conversation still has none (auto-naming must not overwrite a name
   * the user chose meanwhile). Returns true when it set it.
   */
  boolean nameIfUnnamed(Owner owner, ConversationId id, String name);

  /** Deletes (softly); false when not found. */
  boolean deleteConversation(Owner owner, ConversationId id);

  OwnerStats statsFor(Owner owner);
}
