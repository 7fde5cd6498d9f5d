package dev.shortlease.domain.port.inmemory;

import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.SpooledAnswer;
import dev.shortlease.domain.port.AnswerSpoolPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** In-memory fake of the answer spool; {@link #failing} makes {@code keep} throw. */
public final class InMemoryAnswerSpool implements AnswerSpoolPort {
  private final Map<MessageId, SpooledAnswer> kept = new LinkedHashMap<>();
  private volatile boolean failing;

  public void failing(boolean failing) {
    this.failing = failing;
  }

  @Override
  public synchronized void keep(SpooledAnswer answer) {
    if (failing) {
      throw new IllegalStateException("disk full");
    }
    kept.put(answer.messageId(), answer);
  }

  @Override
  public synchronized List<SpooledAnswer> pending() {
    return new ArrayList<>(kept.values());
  }

  @Override
  public synchronized int waiting() {
    return kept.size();
  }

  @Override
  public synchronized void forget(MessageId messageId) {
    kept.remove(messageId);
  }
}
