package dev.shortlease.application.chat;

import static dev.shortlease.application.testing.ChatTestKit.drain;
import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.application.ChatExecutor;
import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.application.port.in.ResponseMode;
import dev.shortlease.application.port.in.SendMessageCommand;
import dev.shortlease.application.testing.ChatTestKit;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.StorageUnavailableException;
import dev.shortlease.domain.port.ConversationSort;
import dev.shortlease.domain.port.FinishMessagePort;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
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

  @Test
  @DisplayName("when loading history fails after the start, the running message is ended as error")
  void historyFailureEndsTheMessage() throws Exception {
    ChatRun first = kit.chat(app, "alice", "one", null);
    drain(first);
    kit.awaitIdle();
    SendMessageService failingHistory =
        new SendMessageService(
            kit.store,
            kit.store,
            (owner, conversation, current, window) -> {
              throw new StorageUnavailableException("pool exhausted", null);
            },
            kit.store,
            kit.registry,
            kit.runners,
            kit.settings,
            ChatExecutor.virtualThreads());

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
    assertThat(messages.getLast().error()).contains("could not start");
    assertThat(kit.registry.runningCount()).isZero();
  }

  @Test
  @DisplayName("a finish that meets a momentarily unavailable store is retried, then message_end")
  void finishIsRetried() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    FinishMessagePort flaky =
        new FinishMessagePort() {
          @Override
          public boolean finishMessage(Owner owner, MessageId id, MessageOutcome outcome) {
            if (attempts.incrementAndGet() == 1) {
              throw new StorageUnavailableException("no connection in time", null);
            }
            return kit.store.finishMessage(owner, id, outcome);
          }

          @Override
          public int failAbandoned(Instant startedBefore, String error) {
            return 0;
          }
        };
    ChatRunners runners =
        new ChatRunners(
            kit.model, flaky, kit.store, Set.of(), kit.registry, kit.namer, kit.settings);
    SendMessageService sender =
        new SendMessageService(
            kit.store,
            kit.store,
            kit.store,
            flaky,
            kit.registry,
            runners,
            kit.settings,
            ChatExecutor.virtualThreads());
    kit.model.then(reply("saved"));

    ChatRun run = sender.send(command("q", null));
    List<ChatEvent> events = drain(run);

    assertThat(attempts).hasValue(2);
    assertThat(events.getLast()).isInstanceOf(ChatEvent.MessageEnd.class);
    assertThat(kit.message(app.id(), "alice", run.messageId()).answer()).isEqualTo("saved");
  }

  @Test
  @DisplayName("when the executor refuses the run (shutting down), it ends at once as stopped")
  void rejectedRunEndsStopped() throws Exception {
    SendMessageService refusing =
        new SendMessageService(
            kit.store,
            kit.store,
            kit.store,
            kit.store,
            kit.registry,
            kit.runners,
            kit.settings,
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
}
