package dev.shortlease.application.chat;

import static dev.shortlease.application.testing.ChatTestKit.drain;
import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.application.ChatExecutor;
import dev.shortlease.application.ReliabilitySettings;
import dev.shortlease.application.annotation.AnnotationReplier;
import dev.shortlease.application.ops.ReplaySpooledAnswersService;
import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.application.port.in.ResponseMode;
import dev.shortlease.application.port.in.SendMessageCommand;
import dev.shortlease.application.testing.ChatTestKit;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.Conversation;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.StorageUnavailableException;
import dev.shortlease.domain.port.ConversationSort;
import dev.shortlease.domain.port.FinishMessagePort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The chat flow when storage or the executor fail")
class StorageTroubleTest {
  private final ChatTestKit kit = new ChatTestKit();
  private final App app = kit.app(AppMode.CHAT);

  private SendMessageCommand command(String query, ConversationId conversationId) {
    return new SendMessageCommand(
        app.id(), "alice", query, Map.of(), conversationId, ResponseMode.STREAMING, false, false);
  }

  /** A sender whose T2 first meets {@code refusals} pool timeouts of the given kind. */
  private SendMessageService startRefused(
      int refusals, boolean noConnection, Duration admissionWait, AtomicInteger attempts) {
    return kit.senderWith(
        turn -> {
          if (attempts.incrementAndGet() <= refusals) {
            throw new StorageUnavailableException("pool exhausted", null, noConnection);
          }
          return kit.store.startTurn(turn);
        },
        ReliabilitySettings.forPool(10).withAdmission(9, 100, admissionWait));
  }

  @Test
  @DisplayName("a start that got no connection tries again within the admission wait, then runs")
  void startWaitsForAConnection() throws Exception {
    AtomicInteger attempts = new AtomicInteger();

    ChatRun run =
        startRefused(3, true, Duration.ofSeconds(30), attempts).send(command("one", null));

    assertThat(attempts).hasValue(4);
    assertThat(drain(run).getLast()).isInstanceOf(ChatEvent.MessageEnd.class);
  }

  @Test
  @DisplayName("a start still without a connection when the admission wait is spent gets the 503")
  void startGivesUpAfterTheAdmissionWait() {
    AtomicInteger attempts = new AtomicInteger();
    SendMessageService sender =
        startRefused(Integer.MAX_VALUE, true, Duration.ofMillis(400), attempts);

    assertThatThrownBy(() -> sender.send(command("one", null)))
        .isInstanceOf(StorageUnavailableException.class);
    // About one attempt per 100 ms pause, not a spin.
    assertThat(attempts.get()).isBetween(2, 6);
    assertThat(kit.store.findEndUser(app.id(), "alice")).as("nothing saved").isEmpty();
  }

  @Test
  @DisplayName("a start that failed inside its transaction is not tried again")
  void startFailureIsNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    SendMessageService sender = startRefused(1, false, Duration.ofSeconds(30), attempts);

    assertThatThrownBy(() -> sender.send(command("one", null)))
        .isInstanceOf(StorageUnavailableException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  @DisplayName("when loading history fails after the start, the running message is ended as error")
  void historyFailureEndsTheMessage() throws Exception {
    ChatRun first = kit.chat(app, "alice", "one", null);
    drain(first);
    kit.awaitIdle();
    SendMessageService failingHistory =
        kit.senderWith(
            kit.store,
            (owner, conversation, current, window) -> {
              throw new StorageUnavailableException("pool exhausted", null);
            },
            kit.store,
            kit.runners,
            ChatExecutor.virtualThreads(),
            ReliabilitySettings.forPool(10));

    assertThatThrownBy(() -> failingHistory.send(command("two", first.conversationId())))
        .isInstanceOf(StorageUnavailableException.class);

    List<Message> messages =
        kit
            .store
            .listMessages(kit.owner(app.id(), "alice"), first.conversationId(), null, 10)
            .items()
            .stream()
            .map(m -> m.message())
            .toList();
    assertThat(messages)
        .extracting(Message::status)
        .containsOnly(MessageStatus.NORMAL, MessageStatus.ERROR);
    assertThat(messages.getLast().error())
        .isEqualTo("internal_error: the answer could not be started")
        .as("the exception's text is for the log")
        .doesNotContain("pool exhausted");
    assertThat(kit.registry.runningCount()).isZero();
  }

  /** A finish port that throws StorageUnavailableException while {@code down} says so. */
  private FinishMessagePort outage(BooleanSupplier down, AtomicInteger attempts) {
    return new FinishMessagePort() {
      @Override
      public boolean finishMessage(Owner owner, MessageId id, MessageOutcome outcome) {
        attempts.incrementAndGet();
        if (down.getAsBoolean()) {
          throw new StorageUnavailableException("database unavailable (SQLState 08006)", null);
        }
        return kit.store.finishMessage(owner, id, outcome);
      }

      @Override
      public int failAbandoned(Duration olderThan, String error) {
        return 0;
      }
    };
  }

  /** A sender whose final save goes through {@code finish}, retried for {@code window}. */
  private SendMessageService sender(FinishMessagePort finish, Duration window) {
    FinalSave save =
        new FinalSave(
            finish,
            kit.store,
            kit.spool,
            kit.registry,
            ChatExecutor.virtualThreads(),
            ReliabilitySettings.forPool(10).withFinalSaveRetry(window),
            new SaveOutageLog());
    ChatRunners runners =
        new ChatRunners(
            kit.model,
            save,
            kit.store,
            Set.of(),
            kit.registry,
            kit.namer,
            kit.settings,
            AnnotationReplier.none(),
            kit.files,
            kit.remoteImages);
    return kit.senderWith(
        kit.store,
        kit.store,
        finish,
        runners,
        ChatExecutor.virtualThreads(),
        ReliabilitySettings.forPool(10));
  }

  @Test
  @DisplayName("an outage shorter than the retry window: retried with backoff, then message_end")
  void outageWithinTheWindow() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    long upAgain = System.nanoTime() + Duration.ofMillis(1500).toNanos();
    SendMessageService sender =
        sender(outage(() -> System.nanoTime() < upAgain, attempts), Duration.ofSeconds(20));
    kit.model.then(reply("saved after the outage"));

    ChatRun run = sender.send(command("q", null));
    List<ChatEvent> events = drain(run);

    assertThat(attempts.get()).isBetween(4, 12); // backoff, not a busy loop
    assertThat(events.getLast()).isInstanceOf(ChatEvent.MessageEnd.class);
    Message saved = kit.message(app.id(), "alice", run.messageId());
    assertThat(saved.status()).isEqualTo(MessageStatus.NORMAL);
    assertThat(saved.answer()).isEqualTo("saved after the outage");
    assertThat(kit.spool.pending()).isEmpty();
  }

  @Test
  @DisplayName("an outage past the window: error event, answer spooled, replay saves it whole")
  void outagePastTheWindowIsSpooledThenReplayed() throws Exception {
    AtomicBoolean down = new AtomicBoolean(true);
    SendMessageService sender =
        sender(outage(down::get, new AtomicInteger()), Duration.ofMillis(600));
    kit.model.then(reply("kept in the spool"));

    ChatRun run = sender.send(command("q", null));
    List<ChatEvent> events = drain(run);

    assertThat(events.getLast())
        .isInstanceOfSatisfying(
            ChatEvent.Failed.class,
            failed -> {
              assertThat(failed.isInternal()).isTrue();
              assertThat(failed.message()).contains("kept");
            });
    assertThat(kit.message(app.id(), "alice", run.messageId()).status())
        .isEqualTo(MessageStatus.RUNNING);
    assertThat(kit.spool.pending())
        .singleElement()
        .satisfies(a -> assertThat(a.outcome().answer()).isEqualTo("kept in the spool"));

    down.set(false);
    var replayed = new ReplaySpooledAnswersService(kit.spool, kit.store, kit.store).replay();

    assertThat(replayed.saved()).isEqualTo(1);
    Message saved = kit.message(app.id(), "alice", run.messageId());
    assertThat(saved.status()).isEqualTo(MessageStatus.NORMAL);
    assertThat(saved.answer()).isEqualTo("kept in the spool");
    assertThat(kit.spool.pending()).isEmpty();
  }

  @Test
  @DisplayName("a finish that changed nothing (row no longer running) is an error, not message_end")
  void refusedFinishIsNotSuccess() throws Exception {
    FinishMessagePort refusing =
        new FinishMessagePort() {
          @Override
          public boolean finishMessage(Owner owner, MessageId id, MessageOutcome outcome) {
            return false;
          }

          @Override
          public int failAbandoned(Duration olderThan, String error) {
            return 0;
          }
        };
    kit.model.then(reply("not saved"));

    List<ChatEvent> events =
        drain(sender(refusing, Duration.ofSeconds(5)).send(command("q", null)));

    assertThat(events.getLast())
        .isInstanceOfSatisfying(
            ChatEvent.Failed.class,
            failed -> assertThat(failed.message()).contains("already been ended"));
  }

  @Test
  @DisplayName("a save whose reply was lost (committed, then the connection broke) counts as saved")
  void lostReplyOfACommittedSave() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    FinishMessagePort lostReply =
        new FinishMessagePort() {
          @Override
          public boolean finishMessage(Owner owner, MessageId id, MessageOutcome outcome) {
            boolean changed = kit.store.finishMessage(owner, id, outcome);
            if (attempts.incrementAndGet() == 1) {
              throw new StorageUnavailableException("I/O error reading the commit's reply", null);
            }
            return changed;
          }

          @Override
          public int failAbandoned(Duration olderThan, String error) {
            return 0;
          }
        };
    kit.model.then(reply("committed once"));

    ChatRun run = sender(lostReply, Duration.ofSeconds(5)).send(command("q", null));

    assertThat(drain(run).getLast()).isInstanceOf(ChatEvent.MessageEnd.class);
    assertThat(attempts).hasValue(2);
    assertThat(kit.message(app.id(), "alice", run.messageId()).answer())
        .isEqualTo("committed once");
  }

  @Test
  @DisplayName("at shutdown, saves still retrying spool at once instead of waiting out the window")
  void shutdownCutsRetriesShort() throws Exception {
    SendMessageService sender =
        sender(outage(() -> true, new AtomicInteger()), Duration.ofMinutes(5));
    kit.model.then(reply("spooled at shutdown"));

    ChatRun run = sender.send(command("q", null));
    Thread.sleep(300);
    long start = System.nanoTime();
    kit.registry.abandonSaveRetries();

    // The client is told why: shutdown, not a window of 300 s that never ran out.
    assertThat(drain(run).getLast())
        .isInstanceOfSatisfying(
            ChatEvent.Failed.class,
            failed ->
                assertThat(failed.message())
                    .contains("shutting down")
                    .contains("kept")
                    .doesNotContain("300 s"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(kit.spool.pending()).hasSize(1);
  }

  /**
   * A finish port whose call never returns until {@code release} (a silent database: the socket
   * read waits for a reply that does not come); then it commits, late.
   */
  private FinishMessagePort silent(CountDownLatch entered, CountDownLatch release) {
    return new FinishMessagePort() {
      @Override
      public boolean finishMessage(Owner owner, MessageId id, MessageOutcome outcome) {
        entered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StorageUnavailableException("interrupted while waiting for a reply", e);
        }
        return kit.store.finishMessage(owner, id, outcome);
      }

      @Override
      public int failAbandoned(Duration olderThan, String error) {
        return 0;
      }
    };
  }

  @Test
  @DisplayName("at shutdown, a save stuck in the database spools at once; a late commit is kept")
  void shutdownSpoolsASaveStuckInTheDatabase() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    SendMessageService sender = sender(silent(entered, release), Duration.ofMinutes(5));
    kit.model.then(reply("seen by the client"));
    try {
      ChatRun run = sender.send(command("q", null));
      assertThat(entered.await(5, TimeUnit.SECONDS)).as("the save reached the database").isTrue();
      long start = System.nanoTime();
      kit.registry.abandonSaveRetries();

      List<ChatEvent> events = drain(run);

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
      assertThat(events.getLast())
          .isInstanceOfSatisfying(
              ChatEvent.Failed.class,
              failed -> assertThat(failed.message()).contains("it is kept and will be saved"));
      assertThat(ChatTestKit.text(events)).isEqualTo("seen by the client");
      assertThat(kit.spool.pending())
          .singleElement()
          .satisfies(a -> assertThat(a.outcome().answer()).isEqualTo("seen by the client"));
      // The terminal event goes out just before the run leaves the registry: wait for that.
      assertThat(kit.registry.awaitAllEnded(Duration.ofSeconds(1))).isTrue();

      release.countDown(); // the stuck save commits after all
      await(
          () -> kit.message(app.id(), "alice", run.messageId()).status() != MessageStatus.RUNNING);
      var replayed = new ReplaySpooledAnswersService(kit.spool, kit.store, kit.store).replay();

      assertThat(replayed.saved()).as("the spooled copy is forgotten").isEqualTo(1);
      assertThat(replayed.refused()).isEmpty();
      assertThat(kit.spool.pending()).isEmpty();
      Message saved = kit.message(app.id(), "alice", run.messageId());
      assertThat(saved.status()).isEqualTo(MessageStatus.NORMAL);
      assertThat(saved.answer()).isEqualTo("seen by the client");
    } finally {
      release.countDown();
    }
  }

  @Test
  @DisplayName("a save stuck in the database past the window spools when the window ends")
  void saveStuckPastTheWindowSpools() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    SendMessageService sender = sender(silent(entered, release), Duration.ofMillis(600));
    kit.model.then(reply("kept past the window"));
    try {
      long start = System.nanoTime();
      ChatRun run = sender.send(command("q", null));

      List<ChatEvent> events = drain(run);

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(events.getLast())
          .isInstanceOfSatisfying(
              ChatEvent.Failed.class, failed -> assertThat(failed.message()).contains("kept"));
      assertThat(kit.spool.pending())
          .singleElement()
          .satisfies(a -> assertThat(a.outcome().answer()).isEqualTo("kept past the window"));
    } finally {
      release.countDown();
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("within 5 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  @DisplayName("when neither the database nor the spool takes the answer, the client is told")
  void lostAnswerIsReported() throws Exception {
    kit.spool.failing(true);
    kit.model.then(reply("nowhere"));

    List<ChatEvent> events =
        drain(
            sender(outage(() -> true, new AtomicInteger()), Duration.ofMillis(200))
                .send(command("q", null)));

    assertThat(events.getLast())
        .isInstanceOfSatisfying(
            ChatEvent.Failed.class,
            failed -> assertThat(failed.message()).isEqualTo("The answer could not be saved."));
  }

  @Test
  @DisplayName("when the executor refuses the run (shutting down), it ends at once as stopped")
  void rejectedRunEndsStopped() throws Exception {
    SendMessageService refusing =
        kit.senderOn(
            new ChatExecutor(
                task -> {
                  throw new RejectedExecutionException("shutting down");
                }));

    ChatRun run = refusing.send(command("q", null));

    assertThat(drain(run).getLast())
        .isInstanceOfSatisfying(
            ChatEvent.MessageEnd.class,
            end -> assertThat(end.status()).isEqualTo(MessageStatus.STOPPED));
    assertThat(kit.message(app.id(), "alice", run.messageId()).status())
        .isEqualTo(MessageStatus.STOPPED);
    assertThat(kit.model.requests()).isEmpty();
    assertThat(
            kit.store
                .listConversations(
                    kit.owner(app.id(), "alice"), null, 10, ConversationSort.UPDATED_DESC)
                .items())
        .hasSize(1);
  }

  @Test
  @DisplayName(
      "when the run gets no thread for another reason, the start fails with its message ended,"
          + " its slot freed and nothing left for shutdown to wait for")
  void runWithoutAThreadLeavesNothingBehind() throws Exception {
    SendMessageService failing =
        kit.senderOn(
            new ChatExecutor(
                task -> {
                  throw new OutOfMemoryError("unable to create native thread");
                }));

    assertThatThrownBy(() -> failing.send(command("q", null))).isInstanceOf(OutOfMemoryError.class);

    assertThat(kit.registry.unendedCount()).isZero();
    assertThat(kit.registry.awaitAllEnded(Duration.ZERO)).isTrue();
    assertThat(kit.active.running(app.id())).isZero();
    Owner alice = kit.owner(app.id(), "alice");
    Conversation conversation =
        kit.store
            .listConversations(alice, null, 10, ConversationSort.UPDATED_DESC)
            .items()
            .getFirst();
    assertThat(kit.store.listMessages(alice, conversation.id(), null, 10).items())
        .singleElement()
        .satisfies(
            saved -> {
              assertThat(saved.message().status()).isEqualTo(MessageStatus.ERROR);
              assertThat(saved.message().error()).contains("could not be started");
            });
  }
}
