package dev.shortlease.application.chat;

import static dev.shortlease.application.testing.ChatTestKit.drain;
import static dev.shortlease.application.testing.ChatTestKit.text;
import static dev.shortlease.application.testing.ScriptedChatModel.crash;
import static dev.shortlease.application.testing.ScriptedChatModel.fail;
import static dev.shortlease.application.testing.ScriptedChatModel.hang;
import static dev.shortlease.application.testing.ScriptedChatModel.slowReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.shortlease.application.ChatSettings;
import dev.shortlease.application.ops.ShutdownService;
import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.application.port.in.ResponseMode;
import dev.shortlease.application.port.in.SendMessageCommand;
import dev.shortlease.application.port.in.ShuttingDownException;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.testing.CapturedLog;
import dev.shortlease.application.testing.ChatTestKit;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.StorageUnavailableException;
import dev.shortlease.domain.TaskId;
import dev.shortlease.domain.port.InstanceLeasePort;
import dev.shortlease.domain.port.StartTurnPort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Every run ends terminal with the text so far (rule R5)")
class RunEndingTest {
  /** A lease the count under test never touches. */
  private static final InstanceLeasePort NO_LEASE = releasing(() -> {});

  /** A lease whose end at shutdown runs {@code release}. */
  private static InstanceLeasePort releasing(Runnable release) {
    return new InstanceLeasePort() {
      @Override
      public void renew(Duration lease) {}

      @Override
      public int failRunsOfDeadInstances(String error) {
        return 0;
      }

      @Override
      public int failOwnRunsWithout(Set<MessageId> running, Duration olderThan, String error) {
        return 0;
      }

      @Override
      public void release() {
        release.run();
      }
    };
  }

  private final ChatTestKit kit = new ChatTestKit();
  private final App app = kit.app(AppMode.CHAT);

  @Test
  @DisplayName("the owner's stop ends the run as stopped with the text so far")
  void ownerStops() throws Exception {
    kit.model.then(hang("partial ", "answer"));
    ChatRun run = kit.chat(app, "alice", "long story", null);
    assertThat(kit.model.awaitCalls(1, ChatTestKit.WAIT)).isTrue();

    kit.stopper.stop(app.id(), "alice", run.taskId());
    List<ChatEvent> events = drain(run);

    assertThat(text(events)).isEqualTo("partial answer");
    assertThat(events.getLast())
        .isInstanceOfSatisfying(
            ChatEvent.MessageEnd.class,
            end -> assertThat(end.status()).isEqualTo(MessageStatus.STOPPED));
    assertSaved("alice", run, MessageStatus.STOPPED, "partial answer");
  }

  @Test
  @DisplayName("a stop by another user, another app or an unknown task changes nothing")
  void othersCannotStop() throws Exception {
    App other = kit.app(AppMode.CHAT);
    kit.model.then(slowReply(Duration.ofMillis(60), "a", "b", "c"));
    ChatRun run = kit.chat(app, "alice", "q", null);

    kit.stopper.stop(app.id(), "mallory", run.taskId());
    kit.stopper.stop(other.id(), "alice", run.taskId());
    kit.stopper.stop(app.id(), "alice", TaskId.random());
    List<ChatEvent> events = drain(run);

    assertThat(text(events)).isEqualTo("abc");
    assertThat(((ChatEvent.MessageEnd) events.getLast()).status()).isEqualTo(MessageStatus.NORMAL);
    assertSaved("alice", run, MessageStatus.NORMAL, "abc");
  }

  @Test
  @DisplayName("a client disconnect stops the run and saves the text so far as stopped")
  void disconnectStops() throws Exception {
    kit.model.then(hang("so far"));
    ChatRun run = kit.chat(app, "alice", "q", null);
    assertThat(kit.model.awaitCalls(1, ChatTestKit.WAIT)).isTrue();

    run.disconnect();
    kit.awaitIdle();

    assertSaved("alice", run, MessageStatus.STOPPED, "so far");
    assertThat(run.nextEvent(Duration.ofMillis(1))).isEmpty();
  }

  @Test
  @DisplayName("a model error ends as error with its kind, keeping the streamed text")
  void modelErrorKeepsText() throws Exception {
    kit.model.then(fail(ModelErrorKind.RATE_LIMITED, "429 from provider", "half "));
    ChatRun run = kit.chat(app, "alice", "q", null);

    List<ChatEvent> events = drain(run);

    assertThat(events)
        .containsExactly(
            new ChatEvent.TextChunk("half "),
            ChatEvent.Failed.model(ModelErrorKind.RATE_LIMITED, "429 from provider"));
    Message saved = assertSaved("alice", run, MessageStatus.ERROR, "half ");
    assertThat(saved.error())
        .as("what the provider said is for the log, not the stored message")
        .isEqualTo("rate_limited: the model provider limited the request rate");
  }

  @Test
  @DisplayName("any other exception ends as error with an internal code and no internals leaked")
  void unexpectedExceptionIsInternalError() throws Exception {
    kit.model.then(crash(new IllegalStateException("secret detail")));
    ChatRun run = kit.chat(app, "alice", "q", null);

    List<ChatEvent> events = drain(run);

    assertThat(events.getLast())
        .isEqualTo(ChatEvent.Failed.unexpected("java.lang.IllegalStateException: secret detail"));
    assertThat(((ChatEvent.Failed) events.getLast()).message())
        .as("the client's message is the adapter's fixed one")
        .isNull();
    Message saved = assertSaved("alice", run, MessageStatus.ERROR, "");
    assertThat(saved.error()).isEqualTo(RunEnding.INTERNAL_ERROR).doesNotContain("secret");
  }

  @Test
  @DisplayName("the execution time limit stops a slow model and saves the text so far")
  void timeLimitStops() throws Exception {
    ChatTestKit limited =
        new ChatTestKit(ChatSettings.defaults().withExecutionTimeLimit(Duration.ofMillis(150)));
    App limitedApp = limited.app(AppMode.CHAT);
    limited.model.then(hang("before the limit"));
    ChatRun run = limited.chat(limitedApp, "alice", "q", null);

    List<ChatEvent> events = drain(run);

    assertThat(((ChatEvent.MessageEnd) events.getLast()).status()).isEqualTo(MessageStatus.STOPPED);
    Message saved = limited.message(limitedApp.id(), "alice", run.messageId());
    assertThat(saved.status()).isEqualTo(MessageStatus.STOPPED);
    assertThat(saved.answer()).isEqualTo("before the limit");
  }

  @Test
  @DisplayName("shutdown stops every run, waits for their saves, and refuses chats started later")
  void shutdownStopsAll() throws Exception {
    kit.model.otherwise(hang("x"));
    ChatRun first = kit.chat(app, "alice", "q1", null);
    ChatRun second = kit.chat(app, "bob", "q2", null);
    assertThat(kit.model.awaitCalls(2, ChatTestKit.WAIT)).isTrue();

    assertThat(kit.registry.stopAll()).isEqualTo(2);
    assertThat(kit.registry.awaitAllEnded(ChatTestKit.WAIT)).isTrue();
    assertThatThrownBy(() -> kit.chat(app, "carol", "q3", null))
        .isInstanceOf(ShuttingDownException.class);
    kit.awaitIdle();

    assertSaved("alice", first, MessageStatus.STOPPED, "x");
    assertSaved("bob", second, MessageStatus.STOPPED, "x");
    assertThat(kit.store.findEndUser(app.id(), "carol")).as("nothing saved").isEmpty();
  }

  @Test
  @DisplayName(
      "shutdown waits for a chat that began starting before it: the run registers, is stopped and"
          + " saved")
  void shutdownWaitsForStartsInFlight() throws Exception {
    CountDownLatch inT2 = new CountDownLatch(1);
    CountDownLatch goOn = new CountDownLatch(1);
    StartTurnPort slowT2 =
        turn -> {
          inT2.countDown();
          try {
            goOn.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return kit.store.startTurn(turn);
        };
    SendMessageService sender = kit.senderWith(slowT2, kit.reliability);
    kit.model.otherwise(hang("x"));
    CompletableFuture<ChatRun> starting =
        CompletableFuture.supplyAsync(
            () ->
                sender.send(
                    new SendMessageCommand(
                        app.id(),
                        "alice",
                        "q",
                        Map.of(),
                        null,
                        ResponseMode.STREAMING,
                        false,
                        false)),
            Executors.newVirtualThreadPerTaskExecutor());
    assertThat(inT2.await(ChatTestKit.WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

    assertThat(kit.registry.stopAll()).as("nothing registered yet").isZero();
    assertThat(kit.registry.awaitAllEnded(Duration.ofMillis(100)))
        .as("the start in flight is waited for")
        .isFalse();
    assertThat(
            new ShutdownService(kit.registry, new AdmissionGate(kit.reliability), NO_LEASE)
                .runningCount())
        .as("and counted where shutdown says how many did not end in time")
        .isEqualTo(1);
    goOn.countDown();
    assertThat(kit.registry.awaitAllEnded(ChatTestKit.WAIT)).isTrue();

    ChatRun run = starting.get(ChatTestKit.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(kit.message(app.id(), "alice", run.messageId()).status())
        .as("its run was stopped at once and saved before the wait ended")
        .isEqualTo(MessageStatus.STOPPED);
  }

  @Test
  @DisplayName("draining closes the admission line and lets the running runs go on")
  void drainingClosesTheLineOnly() throws Exception {
    kit.model.otherwise(hang("x"));
    kit.chat(app, "alice", "q1", null);
    assertThat(kit.model.awaitCalls(1, ChatTestKit.WAIT)).isTrue();
    AdmissionGate line = new AdmissionGate(kit.reliability);
    ShutdownService shutdown = new ShutdownService(kit.registry, line, NO_LEASE);

    shutdown.beginDraining();

    assertThatThrownBy(line::enter).isInstanceOf(ShuttingDownException.class);
    assertThat(kit.registry.awaitAllEnded(Duration.ofMillis(100)))
        .as("the running run goes on")
        .isFalse();
    assertThat(shutdown.stopAll()).isEqualTo(1);
    assertThat(kit.registry.awaitAllEnded(ChatTestKit.WAIT)).isTrue();
  }

  @Test
  @DisplayName(
      "the ended count grows by every run that ends, also one started after it was read (the"
          + " shutdown log's arithmetic)")
  void endedCountCountsRunsStartedLater() throws Exception {
    kit.model.otherwise(hang("x"));
    ChatRun running = kit.chat(app, "alice", "q1", null);
    assertThat(kit.model.awaitCalls(1, ChatTestKit.WAIT)).isTrue();
    long before = kit.registry.endedCount();
    ChatRun late = kit.chat(app, "bob", "q2", null);
    assertThat(kit.model.awaitCalls(2, ChatTestKit.WAIT)).isTrue();

    late.disconnect();
    running.disconnect();
    kit.awaitIdle();

    assertThat(kit.registry.endedCount() - before).isEqualTo(2);
  }

  @Test
  @DisplayName("awaiting the end of runs gives up at its deadline while a run still goes")
  void awaitGivesUpAtDeadline() throws Exception {
    kit.model.then(hang());
    ChatRun run = kit.chat(app, "alice", "q", null);

    assertThat(kit.registry.awaitAllEnded(Duration.ofMillis(50))).isFalse();
    run.disconnect();
    assertThat(kit.registry.awaitAllEnded(ChatTestKit.WAIT)).isTrue();
  }

  private Message assertSaved(String user, ChatRun run, MessageStatus status, String answer)
      throws InterruptedException {
    kit.awaitIdle();
    Message saved = kit.message(app.id(), user, run.messageId());
    assertThat(saved.status()).isEqualTo(status);
    assertThat(saved.answer()).isEqualTo(answer);
    return saved;
  }

  @Test
  @DisplayName("a lease that could not be ended at shutdown is a WARN saying it runs out by itself")
  void unendedLeaseIsLogged() {
    InstanceLeasePort silent =
        releasing(
            () -> {
              throw new StorageUnavailableException("database unavailable (SQLState 08006)", null);
            });
    try (CapturedLog log = new CapturedLog(ShutdownService.class)) {
      boolean left =
          new ShutdownService(kit.registry, new AdmissionGate(kit.reliability), silent).leave();

      assertThat(left).isFalse();
      assertThat(log.records())
          .extracting(LogRecord::getLevel, LogRecord::getMessage)
          .containsExactly(
              tuple(
                  Level.WARNING,
                  "shutdown: the instance lease was not ended (database unavailable (SQLState"
                      + " 08006)); it runs out by itself"));
    }
  }
}
