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
   * The turns of the conversation that came before {@code current}, oldest first, as chosen by
   * {@code window}. An unknown or foreign conversation yields an empty list.
   */
  List<ChatTurn> loadHistory(
      Owner owner, ConversationId conversationId, MessageId current, HistoryWindow window);
}
