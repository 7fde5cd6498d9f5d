package dev.shortlease.application.chat;

import dev.shortlease.application.ChatExecutor;
import dev.shortlease.application.ReliabilitySettings;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.SpooledAnswer;
import dev.shortlease.domain.StorageUnavailableException;
import dev.shortlease.domain.port.AnswerSpoolPort;
import dev.shortlease.domain.port.FinishMessagePort;
import dev.shortlease.domain.port.MessagesPort;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * T4 that does not lose the answer (rule R5). A transient failure (the database is unreachable,
 * restarting, or the pool gave no connection in time) is retried with backoff — 100 ms doubling to
 * 2 s — for {@link ReliabilitySettings#finalSaveRetry()}; meanwhile the client keeps receiving
 * pings. When the window runs out (or shutdown cannot wait any longer) the answer goes to the
 * {@linkplain AnswerSpoolPort spool}, replayed into the database when it is back. That holds for a
 * database that does not answer at all, too: each call is waited for only until the window ends or
 * shutdown cuts it short ({@link SaveCalls}).
 *
 * <p>A finish that changes nothing ({@code false}: the row is no longer running) is not success,
 * unless an earlier attempt whose reply was lost had in fact written this very outcome — checked by
 * reading the message back.
 */
public final class FinalSave {
  private static final System.Logger LOG = System.getLogger(FinalSave.class.getName());
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
  private static final Duration SLICE = Duration.ofMillis(50);

  /** What became of the answer. */
  public enum Result {
    /** In the database. */
    SAVED,
    /** The message had already ended otherwise (or is gone): this outcome was not written. */
    REFUSED,
    /** Not in the database in time: kept in the spool, written when the database is back. */
    SPOOLED,
    /** Neither the database nor the spool took it. */
    LOST
  }

  private final FinishMessagePort finish;
  private final MessagesPort messages;
  private final AnswerSpoolPort spool;
  private final RunRegistry registry;
  private final SaveCalls calls;
  private final Duration window;
  private final SaveOutageLog outageLog;

  @Inject
  public FinalSave(
      FinishMessagePort finish,
      MessagesPort messages,
      AnswerSpoolPort spool,
      RunRegistry registry,
      ChatExecutor executor,
      ReliabilitySettings settings,
      SaveOutageLog outageLog) {
    this.finish = finish;
    this.messages = messages;
    this.spool = spool;
    this.registry = registry;
    this.calls = new SaveCalls(executor, registry);
    this.window = settings.finalSaveRetry();
    this.outageLog = outageLog;
  }

  public Duration window() {
    return window;
  }

  /** Saves {@code outcome}, retrying, else spooling it; never throws. */
  public Result save(Owner owner, MessageId id, MessageOutcome outcome) {
    boolean[] waited = {false};
    Result result = null;
    try {
      result = attempt(owner, id, outcome, waited);
      return result;
    } finally {
      if (waited[0]) {
        outageLog.ended(result);
      }
    }
  }

  private Result attempt(Owner owner, MessageId id, MessageOutcome outcome, boolean[] waited) {
    long deadline = System.nanoTime() + window.toNanos();
    Duration backoff = FIRST_BACKOFF;
    boolean maybeWritten = false;
    while (true) {
      try {
        if (calls.call(() -> finish.finishMessage(owner, id, outcome), deadline)) {
          return Result.SAVED;
        }
        return maybeWritten ? afterRefusal(owner, id, outcome, deadline) : Result.REFUSED;
      } catch (StorageUnavailableException e) {
        maybeWritten = true; // the commit may have succeeded and only its reply been lost
        if (!waited[0]) {
          waited[0] = true;
          outageLog.waiting(e.getMessage(), window);
        }
        if (System.nanoTime() + backoff.toNanos() > deadline || !pause(backoff)) {
          return spool(owner, id, outcome);
        }
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      } catch (RuntimeException e) {
        // Not transient (a bug, a constraint): retrying here will not help; keep the answer.
        LOG.log(
            System.Logger.Level.WARNING,
            "final save of message " + id + " failed; its answer goes to the spool",
            e);
        return spool(owner, id, outcome);
      }
    }
  }

  /** Saved if the message holds this very outcome; kept in the spool if that cannot be read. */
  private Result afterRefusal(Owner owner, MessageId id, MessageOutcome outcome, long deadline) {
    try {
      Optional<Message> saved = calls.call(() -> messages.findMessage(owner, id), deadline);
      return saved.isPresent()
              && saved.get().status() == outcome.status()
              && saved.get().answer().equals(outcome.answer())
          ? Result.SAVED
          : Result.REFUSED;
    } catch (StorageUnavailableException e) {
      // Perhaps our earlier commit, perhaps another ending: the replay tells, and keeps the text.
      return spool(owner, id, outcome);
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "message " + id + " could not be read back after a refused save; counted as refused",
          e);
      return Result.REFUSED;
    }
  }

  private Result spool(Owner owner, MessageId id, MessageOutcome outcome) {
    try {
      spool.keep(new SpooledAnswer(owner, id, outcome));
      return Result.SPOOLED;
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "answer of message " + id + " lost: neither the database nor the spool took it",
          e);
      return Result.LOST;
    }
  }

  /** Sleeps in slices, so a shutdown that must finish now cuts the wait short (returns false). */
  private boolean pause(Duration duration) {
    long until = System.nanoTime() + duration.toNanos();
    try {
      while (System.nanoTime() < until) {
        if (registry.saveRetriesAbandoned()) {
          return false;
        }
        Thread.sleep(
            Math.min(SLICE.toMillis(), Math.max(1, (until - System.nanoTime()) / 1_000_000)));
      }
      return !registry.saveRetriesAbandoned();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
