package dev.shortlease.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * How much of a conversation the model sees: the last {@code maxTurns} finished turns whose query
 * and answer together fit in {@code maxChars} characters, oldest first. The budget is filled from
 * the newest turn backwards and stops at the first turn that does not fit, so the oldest turns go
 * first and the kept ones stay contiguous. Without a budget a conversation of long turns would
 * outgrow the model's context for good: every new turn would fail, and failed turns never enter the
 * window, so it would never move on. Running and failed-without-text turns are left out so a broken
 * turn does not confuse the model.
 */
public record HistoryWindow(int maxTurns, int maxChars) {
  /**
   * About 4,000 tokens at the usual 4 characters per token: leaves room for the system prompt, a
   * long query and the answer within an 8k context, the smallest common one.
   */
  public static final int DEFAULT_MAX_CHARS = 16_000;

  public static final HistoryWindow DEFAULT = new HistoryWindow(10);

  public HistoryWindow {
    if (maxTurns < 0 || maxTurns > 500) {
      throw new IllegalArgumentException("maxTurns must be within 0..500");
    }
    if (maxChars < 0) {
      throw new IllegalArgumentException("maxChars must be 0 or more");
    }
  }

  /** The newest {@code maxTurns} turns within the default character budget. */
  public HistoryWindow(int maxTurns) {
    this(maxTurns, DEFAULT_MAX_CHARS);
  }

  /** Keeps the newest turns of {@code newestFirst} that belong in context and fit, oldest first. */
  public List<ChatTurn> select(List<Message> newestFirst) {
    return fit(
        newestFirst.stream()
            .filter(HistoryWindow::belongsInContext)
            .map(m -> new ChatTurn(m.query(), m.answer()))
            .toList());
  }

  /**
   * Keeps the newest of {@code newestFirst} (turns already known to belong in context) within the
   * turn limit and the character budget, oldest first.
   */
  public List<ChatTurn> fit(List<ChatTurn> newestFirst) {
    List<ChatTurn> kept = new ArrayList<>();
    long used = 0;
    for (ChatTurn turn : newestFirst) {
      used += turn.query().length() + turn.answer().length();
      if (kept.size() == maxTurns || used > maxChars) {
        break;
      }
      kept.add(turn);
    }
    return kept.reversed();
  }

  private static boolean belongsInContext(Message m) {
    return m.status().isTerminal() && !m.answer().isBlank();
  }
}
