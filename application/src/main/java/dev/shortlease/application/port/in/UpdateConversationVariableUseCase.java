package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.ConversationVariable;
import dev.shortlease.domain.ConversationVariableId;
import dev.shortlease.domain.VariableValue;

/** Use case: give a variable of one of the user's conversations a new value of its type. */
public interface UpdateConversationVariableUseCase {

  /**
   * The changed variable. Throws {@link dev.shortlease.domain.NotFoundException} for a conversation
   * or variable the user does not have, {@link VariableTypeMismatchException} when {@code value} is
   * not of the variable's type (nothing changes then).
   */
  ConversationVariable update(
      AppId appId,
      String user,
      ConversationId conversationId,
      ConversationVariableId variableId,
      VariableValue value);
}
