package dev.shortlease.application.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.shortlease.application.ChatExecutor;
import dev.shortlease.application.ReliabilitySettings;
import dev.shortlease.application.testing.CapturedLog;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.Feedback;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.MessageWithThoughts;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.StorageUnavailableException;
import dev.shortlease.domain.TokenUsage;
import dev.shortlease.domain.port.FinishMessagePort;
import dev.shortlease.domain.port.MessagesPort;
import dev.shortlease.domain.port.inmemory.InMemoryAnswerSpool;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hibernate logs no SQL error (docs/persistence.md), so a save's own log line is its only trace.
 */
@DisplayName("A final save that meets an unexpected failure says so in the log")
class FinalSaveLogTest {
  private static final Owner OWNER = new Owner(AppId.random(), EndUserId.random());
  private static final MessageOutcome OUTCOME =
      MessageOutcome.completed("kept", TokenUsage.NONE, Duration.ofMillis(5));

  private final InMemoryAnswerSpool spool = new InMemoryAnswerSpool();

  @Test
  @DisplayName("a failure that is not transient: a WARN with its cause, and the answer spooled")
  void unexpectedFailureIsLoggedAndSpooled() {
    try (CapturedLog log = new CapturedLog(FinalSave.class)) {
      FinalSave.Result result = save(failing(new IllegalStateException("no such column")), null);

      assertThat(result).isEqualTo(FinalSave.Result.SPOOLED);
      assertThat(log.records())
          .extracting(LogRecord::getLevel, r -> r.getThrown().getMessage())
          .containsExactly(tuple(Level.WARNING, "no such column"));
    }
  }

  @Test
  @DisplayName("an answer neither the database nor the spool took: an ERROR with the spool's cause")
  void lostAnswerIsLogged() {
    spool.failing(true);
    try (CapturedLog log = new CapturedLog(FinalSave.class)) {
      FinalSave.Result result = save(failing(new IllegalStateException("no such column")), null);

      assertThat(result).isEqualTo(FinalSave.Result.LOST);
      assertThat(log.records())
          .extracting(LogRecord::getLevel)
          .containsExactly(Level.WARNING, Level.SEVERE);
    }
  }

  @Test
  @DisplayName(
      "a refused save whose read-back fails: counted as refused, with a WARN and its cause")
  void failedReadBackIsLogged() {
    AtomicInteger attempts = new AtomicInteger();
    FinishMessagePort lostReplyThenRefused =
        finish(
            () -> {
              if (attempts.incrementAndGet() == 1) {
                throw new StorageUnavailableException("I/O error reading the reply", null);
              }
              return false;
            });
    try (CapturedLog log = new CapturedLog(FinalSave.class)) {
      FinalSave.Result result =
          save(lostReplyThenRefused, new IllegalStateException("row could not be mapped"));

      assertThat(result).isEqualTo(FinalSave.Result.REFUSED);
      assertThat(log.records())
          .extracting(LogRecord::getLevel, r -> r.getThrown().getMessage())
          .containsExactly(tuple(Level.WARNING, "row could not be mapped"));
    }
  }

  @Test
  @DisplayName(
      "an outage: one WARN when saves start waiting, one INFO with the counts when none waits")
  void outageIsSaidOnceEachWay() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    FinishMessagePort downTwice =
        finish(
            () -> {
              if (calls.incrementAndGet() <= 2) {
                throw new StorageUnavailableException(
                    "database unavailable (SQLState 08001)", null);
              }
              return true;
            });
    try (CapturedLog log = new CapturedLog(SaveOutageLog.class)) {
      FinalSave.Result first = save(downTwice, null);
      FinalSave.Result second = save(downTwice, null);

      assertThat(first).isEqualTo(FinalSave.Result.SAVED);
      assertThat(second).isEqualTo(FinalSave.Result.SAVED);
      assertThat(log.records())
          .extracting(LogRecord::getLevel, LogRecord::getMessage)
          .containsExactly(
              tuple(
                  Level.WARNING,
                  "final saves are waiting for the database (database unavailable (SQLState"
                      + " 08001)): each retries for up to 5 s, then its answer goes to the spool"),
              tuple(
                  Level.INFO,
                  "final saves no longer wait for the database (after 0 s): 1 saved, 0 spooled"
                      + " or not saved"));
    }
  }

  private FinalSave.Result save(FinishMessagePort finish, RuntimeException readFailure) {
    FinalSave save =
        new FinalSave(
            finish,
            readBack(readFailure),
            spool,
            new RunRegistry(),
            ChatExecutor.virtualThreads(),
            ReliabilitySettings.forPool(10).withFinalSaveRetry(Duration.ofSeconds(5)),
            new SaveOutageLog());
    return save.save(OWNER, MessageId.random(), OUTCOME);
  }

  private static FinishMessagePort failing(RuntimeException failure) {
    return finish(
        () -> {
          throw failure;
        });
  }

  private interface Finish {
    boolean call();
  }

  private static FinishMessagePort finish(Finish body) {
    return new FinishMessagePort() {
      @Override
      public boolean finishMessage(Owner owner, MessageId id, MessageOutcome outcome) {
        return body.call();
      }

      @Override
      public int failAbandoned(Duration olderThan, String error) {
        return 0;
      }
    };
  }

  /** A message store whose only use here, reading the message back, fails with {@code failure}. */
  private static MessagesPort readBack(RuntimeException failure) {
    return new MessagesPort() {
      @Override
      public Page<MessageWithThoughts> listMessages(
          Owner owner, ConversationId conversationId, MessageId firstId, int limit) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Optional<Message> findMessage(Owner owner, MessageId id) {
        throw failure;
      }

      @Override
      public Optional<String> firstQuery(Owner owner, ConversationId conversationId) {
        throw new UnsupportedOperationException();
      }

      @Override
      public boolean setFeedback(Owner owner, MessageId id, Feedback feedback) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
