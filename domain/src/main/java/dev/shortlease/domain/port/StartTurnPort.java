package dev.shortlease.domain.port;

import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.StartedTurn;

/**
 * Outbound port for T2 of the chat flow, one transaction on purpose: get-or-create the end user,
 * find (owner-checked) or create the conversation, and insert the message as running. Doing these
 * atomically means a failed start leaves nothing behind.
 */
public interface StartTurnPort {

  /**
   * Starts a turn and returns the IDs it created or found, with the database's {@code createdAt}.
   * Throws {@link dev.shortlease.domain.NotFoundException} ("conversation") when {@code
   * conversationId} is given but is not a live conversation of this app and user.
   */
  StartedTurn startTurn(NewTurn turn);
}
