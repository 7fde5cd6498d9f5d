package dev.shortlease.domain.port;

import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.ConversationVariable;
import dev.shortlease.domain.ConversationVariableId;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.VariableValue;
import java.util.Optional;

/**
 * Outbound port: the variables of an owner's conversations (made when the conversation starts, see
 * {@link StartTurnPort}). A deleted or foreign conversation has none.
 */
public interface ConversationVariablesPort {

  /**
   * One page, oldest first, after {@code lastId} ({@code null} for the first page); {@code
   * nameContains} ({@code null} for all) keeps the variables whose name contains it, ignoring case.
   * Throws {@link dev.shortlease.domain.NotFoundException} ("conversation") when the conversation
   * is not the owner's, and ("last_id") when {@code lastId} is not one of its variables.
   */
  Page<ConversationVariable> listVariables(
      Owner owner,
      ConversationId conversationId,
      ConversationVariableId lastId,
      int limit,
      String nameContains);

  /** The variable, when the conversation is the owner's and has it. */
  Optional<ConversationVariable> findVariable(
      Owner owner, ConversationId conversationId, ConversationVariableId id);

  /**
   * Sets the variable's value (the caller checked its type) and returns the new state, or empty
   * when the conversation is not the owner's or has no such variable.
   */
  Optional<ConversationVariable> setVariable(
      Owner owner, ConversationId conversationId, ConversationVariableId id, VariableValue value);
}
