package dev.shortlease.application.conversation;

import dev.shortlease.application.port.in.ListConversationVariablesUseCase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.ConversationVariable;
import dev.shortlease.domain.ConversationVariableId;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.port.ConversationVariablesPort;
import jakarta.inject.Inject;

/** Use case: list a conversation's variables; a user the app has not seen has no conversation. */
public final class ListConversationVariablesService implements ListConversationVariablesUseCase {
  private final OwnerResolver owners;
  private final ConversationVariablesPort variables;

  @Inject
  public ListConversationVariablesService(
      OwnerResolver owners, ConversationVariablesPort variables) {
    this.owners = owners;
    this.variables = variables;
  }

  @Override
  public Page<ConversationVariable> list(
      AppId appId,
      String user,
      ConversationId conversationId,
      ConversationVariableId lastId,
      int limit,
      String variableName) {
    Page.requireLimit(limit);
    return variables.listVariables(
        owners.require(appId, user, "conversation"), conversationId, lastId, limit, variableName);
  }

  /** Dify's "Conversation Variable Not Exists." (the web adapter capitalises the first word). */
  static NotFoundException variableNotFound() {
    return new NotFoundException("conversation Variable");
  }
}
