package dev.shortlease.application.conversation;

import dev.shortlease.application.port.in.UpdateConversationVariableUseCase;
import dev.shortlease.application.port.in.VariableTypeMismatchException;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.ConversationVariable;
import dev.shortlease.domain.ConversationVariableId;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.VariableValue;
import dev.shortlease.domain.port.ConversationVariablesPort;
import dev.shortlease.domain.port.ConversationsPort;
import jakarta.inject.Inject;

/**
 * Use case: set a conversation variable, as Dify does: the conversation must be the user's, the
 * variable one of its own, and the value of the variable's type. A variable's type never changes,
 * so checking it on a first read and writing in a second transaction is safe.
 */
public final class UpdateConversationVariableService implements UpdateConversationVariableUseCase {
  private final OwnerResolver owners;
  private final ConversationsPort conversations;
  private final ConversationVariablesPort variables;

  @Inject
  public UpdateConversationVariableService(
      OwnerResolver owners, ConversationsPort conversations, ConversationVariablesPort variables) {
    this.owners = owners;
    this.conversations = conversations;
    this.variables = variables;
  }

  @Override
  public ConversationVariable update(
      AppId appId,
      String user,
      ConversationId conversationId,
      ConversationVariableId variableId,
      VariableValue value) {
    Owner owner = owners.require(appId, user, "conversation");
    conversations
        .findConversation(owner, conversationId)
        .orElseThrow(() -> new NotFoundException("conversation"));
    ConversationVariable current =
        variables
            .findVariable(owner, conversationId, variableId)
            .orElseThrow(ListConversationVariablesService::variableNotFound);
    if (!current.type().accepts(value.value())) {
      throw new VariableTypeMismatchException(current.name(), current.type(), value.value());
    }
    return variables
        .setVariable(owner, conversationId, variableId, value)
        .orElseThrow(ListConversationVariablesService::variableNotFound);
  }
}
