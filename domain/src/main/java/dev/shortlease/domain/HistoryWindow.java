package dev.shortlease.domain;

import java.util.List;

/**
 * How much of a conversation the model sees: the last {@code maxTurns} finished turns, oldest
 * first. Running and failed-without-text turns are left out so a broken turn does not confuse the
 * model.
 */
public record HistoryWindow(int maxTurns) {
  public static final HistoryWindow DEFAULT = new HistoryWindow(10);

  public HistoryWindow {
    if (maxTurns < 0 || maxTurns > 500) {
      throw new IllegalArgumentException("maxTurns must be within 0..500");
    }
  }

  /**
   * Keeps the newest {@code maxTurns} of {@code newestFirst} that belong in context, oldest first.
   */
  public List<ChatTurn> select(List<Message> newestFirst) {
    List<ChatTurn> kept =
        newestFirst.stream()
            .filter(HistoryWindow::belongsInContext)
            .limit(maxTurns)
            .map(m -> new ChatTurn(m.query(), m.answer()))
            .toList();
    return kept.reversed();
  }

  private static boolean belongsInContext(Message m) {
    return m.status().isTerminal() && !m.answer().isBlank();
  }
}
