package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.ConversationVariable;
import dev.shortlease.domain.ConversationVariableId;
import dev.shortlease.domain.Page;

/** Use case: the variables of one of the user's conversations, a page at a time. */
public interface ListConversationVariablesUseCase {

  /**
   * Variables after {@code lastId} ({@code null}: from the first), whose name contains {@code
   * variableName} ignoring case ({@code null}: all).
   */
  Page<ConversationVariable> list(
      AppId appId,
      String user,
      ConversationId conversationId,
      ConversationVariableId lastId,
      int limit,
      String variableName);
}
