package dev.shortlease.application.chat;

import dev.shortlease.application.ChatSettings;
import dev.shortlease.domain.ChatTurn;
import dev.shortlease.domain.HistoryWindow;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.port.ChatHistoryPort;
import jakarta.inject.Inject;
import java.util.List;

/**
 * T3: a started turn's earlier turns, copied into memory in one short transaction so the runner
 * needs no connection to build its prompt.
 */
public final class TurnHistory {
  private final ChatHistoryPort history;
  private final ChatSettings settings;

  @Inject
  public TurnHistory(ChatHistoryPort history, ChatSettings settings) {
    this.history = history;
    this.settings = settings;
  }

  /** None for a new conversation or an empty window, without a transaction. */
  public List<ChatTurn> load(StartedTurn turn) {
    HistoryWindow window = settings.historyWindow();
    if (turn.newConversation() || window.maxTurns() == 0 || window.maxChars() == 0) {
      return List.of();
    }
    return history.loadHistory(turn.owner(), turn.conversationId(), turn.messageId(), window);
  }
}
