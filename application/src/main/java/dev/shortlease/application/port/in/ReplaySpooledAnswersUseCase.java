package dev.shortlease.application.port.in;

import dev.shortlease.domain.MessageId;
import java.util.List;

/**
 * Use case (operations, periodically): writes the answers the spool kept while the database was out
 * of reach, then forgets them (rule R5).
 */
public interface ReplaySpooledAnswersUseCase {

  /**
   * One round over the spool; stops at the first answer the database still cannot take (storage
   * unavailable is thrown, and the rest wait for the next round).
   */
  Replayed replay();

  /**
   * @param saved answers now in the database
   * @param refused messages that had ended otherwise or are gone: their spooled answer was dropped
   * @param stuck answers the database refused for another reason than being away (kept, retried
   *     next round), with the reason
   */
  record Replayed(int saved, List<MessageId> refused, List<String> stuck) {
    public Replayed {
      refused = List.copyOf(refused);
      stuck = List.copyOf(stuck);
    }
  }
}
