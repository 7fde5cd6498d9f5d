package dev.shortlease.domain.port;

import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.SpooledAnswer;
import java.util.List;

/**
 * Outbound port: durable storage outside the database for answers whose final save could not be
 * written in time (rule R5: an answer is never dropped silently). Replayed into the database when
 * it answers again.
 */
public interface AnswerSpoolPort {

  /** Keeps {@code answer} durably (it survives a crash of this process) before returning. */
  void keep(SpooledAnswer answer);

  /** Every answer kept and not yet forgotten, oldest first. */
  List<SpooledAnswer> pending();

  /** How many answers are kept now; cheap enough for a metrics scrape (no answer is read). */
  int waiting();

  /** Forgets the answer of {@code messageId} once it is in the database. */
  void forget(MessageId messageId);
}
