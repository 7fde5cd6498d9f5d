package dev.shortlease.domain.port;

import dev.shortlease.domain.ChatTurn;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.HistoryWindow;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.Owner;
import java.util.List;

/** Outbound port for T3: the earlier turns the model should see, copied into memory. */
public interface ChatHistoryPort {

  /**
   * The conversation's finished turns other than {@code current}, the newest ones {@code window}
   * keeps, oldest first. An unknown or foreign conversation yields an empty list. A turn sent
   * concurrently to the same conversation that finished first is included: turns of one
   * conversation are expected one at a time, as in Dify.
   */
  List<ChatTurn> loadHistory(
      Owner owner, ConversationId conversationId, MessageId current, HistoryWindow window);
}
