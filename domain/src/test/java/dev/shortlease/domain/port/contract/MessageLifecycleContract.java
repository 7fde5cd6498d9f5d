package dev.shortlease.domain.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.domain.AgentThoughtId;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.ChatTurn;
import dev.shortlease.domain.Conversation;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.HistoryWindow;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.TokenUsage;
import dev.shortlease.domain.ToolInput;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract of {@code FinishMessagePort}, {@code AgentThoughtsPort} and {@code ChatHistoryPort}. */
public abstract class MessageLifecycleContract extends PortContract {

  private Message message(StartedTurn turn) {
    return ports().messages().findMessage(turn.owner(), turn.messageId()).orElseThrow();
  }

  @Test
  @DisplayName("a running message finishes once; a terminal state never changes again")
  void finishesOnce() {
    StartedTurn turn = start(newApp(), newUser(), null, "q");
    Conversation before =
        ports().conversations().findConversation(turn.owner(), turn.conversationId()).orElseThrow();

    boolean first =
        ports()
            .finish()
            .finishMessage(
                turn.owner(),
                turn.messageId(),
                MessageOutcome.stopped("partial", new TokenUsage(2, 1), Duration.ofMillis(1234)));
    boolean again =
        ports()
            .finish()
            .finishMessage(
                turn.owner(), turn.messageId(), MessageOutcome.completed("other", null, null));

    assertThat(first).isTrue();
    assertThat(again).isFalse();
    Message m = message(turn);
    assertThat(m.status()).isEqualTo(MessageStatus.STOPPED);
    assertThat(m.answer()).isEqualTo("partial");
    assertThat(m.usage()).isEqualTo(new TokenUsage(2, 1));
    assertThat(m.latency()).isEqualTo(Duration.ofMillis(1234));
    assertThat(m.updatedAt()).isAfter(m.createdAt());
    Conversation after =
        ports().conversations().findConversation(turn.owner(), turn.conversationId()).orElseThrow();
    assertThat(after.updatedAt()).isAfter(before.updatedAt());
  }

  @Test
  @DisplayName("an error outcome keeps its text and error; another owner cannot finish the message")
  void errorOutcomeAndOwnerScope() {
    StartedTurn turn = start(newApp(), newUser(), null, "q");
    Owner stranger = new Owner(turn.owner().appId(), EndUserId.random());

    assertThat(
            ports()
                .finish()
                .finishMessage(
                    stranger, turn.messageId(), MessageOutcome.completed("x", null, null)))
        .isFalse();
    assertThat(message(turn).status()).isEqualTo(MessageStatus.RUNNING);
    assertThat(
            ports()
                .finish()
                .finishMessage(
                    turn.owner(),
                    turn.messageId(),
                    MessageOutcome.failed("half", "model timed out", null, null)))
        .isTrue();
    Message m = message(turn);
    assertThat(m.status()).isEqualTo(MessageStatus.ERROR);
    assertThat(m.answer()).isEqualTo("half");
    assertThat(m.error()).isEqualTo("model timed out");
    assertThat(
            ports()
                .finish()
                .finishMessage(
                    turn.owner(), MessageId.random(), MessageOutcome.completed("", null, null)))
        .isFalse();
  }

  @Test
  @DisplayName("concurrent finishers of one message: exactly one wins")
  void concurrentFinishersOneWins() throws Exception {
    StartedTurn turn = start(newApp(), newUser(), null, "q");
    int threads = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Boolean>> finishers =
          IntStream.range(0, threads)
              .<Callable<Boolean>>mapToObj(
                  i ->
                      () -> {
                        go.await();
                        return ports()
                            .finish()
                            .finishMessage(
                                turn.owner(),
                                turn.messageId(),
                                MessageOutcome.completed("answer " + i, null, null));
                      })
              .toList();
      var futures = finishers.stream().map(pool::submit).toList();
      go.countDown();
      long winners = futures.stream().map(PortContract::await).filter(won -> won).count();

      assertThat(winners).isEqualTo(1);
      assertThat(message(turn).status()).isEqualTo(MessageStatus.NORMAL);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Moves the message's start {@code age} into the past on the implementation's own clock — the one
   * that stamps messages (a database's {@code current_timestamp}), not the test's.
   */
  protected abstract void backdateStart(StartedTurn turn, Duration age);

  @Test
  @DisplayName(
      "running messages that started longer ago than the age, on the store's clock, end as"
          + " errors; younger ones and finished ones stay")
  void failAbandonedEndsOldRunningMessages() {
    AppId app = newApp();
    String user = newUser();
    StartedTurn old = start(app, user, null, "old");
    backdateStart(old, Duration.ofMinutes(11));
    StartedTurn finished = exchange(app, user, null, "done", "answer");
    backdateStart(finished, Duration.ofMinutes(11));
    StartedTurn younger = start(app, user, null, "younger");
    backdateStart(younger, Duration.ofMinutes(9));
    StartedTurn recent = start(app, user, null, "recent");

    int ended = ports().finish().failAbandoned(Duration.ofMinutes(10), "process restarted");

    assertThat(ended).isGreaterThanOrEqualTo(1);
    Message m = message(old);
    assertThat(m.status()).isEqualTo(MessageStatus.ERROR);
    assertThat(m.error()).isEqualTo("process restarted");
    assertThat(message(finished).status()).isEqualTo(MessageStatus.NORMAL);
    assertThat(message(younger).status()).isEqualTo(MessageStatus.RUNNING);
    assertThat(message(recent).status()).isEqualTo(MessageStatus.RUNNING);
  }

  @Test
  @DisplayName("a run's late save replaces recovery's presumed error, but no other terminal state")
  void lateSaveReplacesRecoveredError() {
    AppId app = newApp();
    String user = newUser();
    StartedTurn presumed = start(app, user, null, "presumed dead");
    backdateStart(presumed, Duration.ofHours(1));
    StartedTurn failedForReal = start(app, user, null, "failed");
    ports()
        .finish()
        .finishMessage(
            failedForReal.owner(),
            failedForReal.messageId(),
            MessageOutcome.failed("", "model failed", null, null));
    ports()
        .finish()
        .failAbandoned(Duration.ofMinutes(30), MessageOutcome.ABANDONED_PREFIX + "instance gone");
    assertThat(message(presumed).status()).isEqualTo(MessageStatus.ERROR);

    boolean saved =
        ports()
            .finish()
            .finishMessage(
                presumed.owner(),
                presumed.messageId(),
                MessageOutcome.completed("the full answer", null, null));
    boolean overwritten =
        ports()
            .finish()
            .finishMessage(
                failedForReal.owner(),
                failedForReal.messageId(),
                MessageOutcome.completed("too late", null, null));

    assertThat(saved).isTrue();
    assertThat(message(presumed).status()).isEqualTo(MessageStatus.NORMAL);
    assertThat(message(presumed).answer()).isEqualTo("the full answer");
    assertThat(overwritten).isFalse();
    assertThat(message(failedForReal).error()).isEqualTo("model failed");
  }

  @Test
  @DisplayName(
      "history holds the last finished turns with text that fit the character budget, oldest"
          + " first, without the current")
  void historyWindow() {
    AppId app = newApp();
    String user = newUser();
    StartedTurn first = exchange(app, user, null, "q1", "a1");
    var conversation = first.conversationId();
    exchange(app, user, conversation, "q2", "a2");
    exchange(app, user, conversation, "q3", "a3");
    StartedTurn failed = start(app, user, conversation, "q4");
    ports()
        .finish()
        .finishMessage(
            first.owner(), failed.messageId(), MessageOutcome.failed("", "boom", null, null));
    StartedTurn current = start(app, user, conversation, "q5");

    List<ChatTurn> history =
        ports()
            .history()
            .loadHistory(first.owner(), conversation, current.messageId(), new HistoryWindow(2));

    assertThat(history).containsExactly(new ChatTurn("q2", "a2"), new ChatTurn("q3", "a3"));
    assertThat(
            ports()
                .history()
                .loadHistory(
                    first.owner(), conversation, current.messageId(), new HistoryWindow(10)))
        .hasSize(3);
    assertThat(
            ports()
                .history()
                .loadHistory(
                    first.owner(), conversation, current.messageId(), new HistoryWindow(0)))
        .isEmpty();
    // "q3" + "a3" fits a budget of 4 characters; "q2" + "a2" no longer does.
    assertThat(
            ports()
                .history()
                .loadHistory(
                    first.owner(), conversation, current.messageId(), new HistoryWindow(10, 4)))
        .containsExactly(new ChatTurn("q3", "a3"));
    assertThat(
            ports()
                .history()
                .loadHistory(
                    first.owner(), conversation, current.messageId(), new HistoryWindow(10, 3)))
        .isEmpty();
    Owner stranger = new Owner(app, EndUserId.random());
    assertThat(
            ports()
                .history()
                .loadHistory(stranger, conversation, current.messageId(), HistoryWindow.DEFAULT))
        .isEmpty();
  }

  @Test
  @DisplayName("thoughts and observations are written by the message's owner only")
  void thoughtsAreOwnerScoped() {
    StartedTurn turn = start(newApp(), newUser(), null, "q");
    Owner stranger = new Owner(turn.owner().appId(), EndUserId.random());

    assertThatThrownBy(
            () ->
                ports()
                    .thoughts()
                    .addThought(stranger, turn.messageId(), 1, "t", "", ToolInput.NONE, null))
        .isInstanceOf(NotFoundException.class);
    AgentThoughtId id =
        ports()
            .thoughts()
            .addThought(
                turn.owner(),
                turn.messageId(),
                1,
                "t",
                "calc",
                new ToolInput(Map.of("calc", Map.of("expression", "1+1"))),
                new TokenUsage(1, 1));
    assertThatThrownBy(
            () -> ports().thoughts().recordObservation(stranger, id, Map.of("calc", "2")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                ports()
                    .thoughts()
                    .recordObservation(turn.owner(), AgentThoughtId.random(), Map.of("calc", "2")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                ports()
                    .thoughts()
                    .recordThought(stranger, id, "mine", "calc", ToolInput.NONE, TokenUsage.NONE))
        .isInstanceOf(NotFoundException.class);
    assertThat(ports().thoughts().recordObservation(turn.owner(), id, Map.of("calc", "2")))
        .isEqualTo(id);
  }
}
