package dev.shortlease.application.chat;

import static dev.shortlease.application.testing.ChatTestKit.drain;
import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.shortlease.application.ChatExecutor;
import dev.shortlease.application.ReliabilitySettings;
import dev.shortlease.application.annotation.AnnotationReplier;
import dev.shortlease.application.conversation.ConversationNamer;
import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.ResponseMode;
import dev.shortlease.application.port.in.SendMessageCommand;
import dev.shortlease.application.testing.CapturedLog;
import dev.shortlease.application.testing.ChatTestKit;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.Feedback;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageWithThoughts;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.port.MessagesPort;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Naming is best effort, so its failure reaches no client: the log is where a bug shows. */
@DisplayName("A conversation that could not be named says why in the log")
class AutoNameLogTest {
  private final ChatTestKit kit = new ChatTestKit();
  private final App app = kit.app(AppMode.CHAT);

  @Test
  @DisplayName("an unexpected failure: a WARN with its cause; the answer still ends well")
  void unexpectedFailureIsAWarning() throws Exception {
    try (CapturedLog log = new CapturedLog(ChatRunner.class)) {
      ChatEvent last = chatNamedThrough(() -> new IllegalStateException("no such column"));

      assertThat(last).isInstanceOf(ChatEvent.MessageEnd.class);
      assertThat(log.awaitRecords(1, ChatTestKit.WAIT)) // named after message_end
          .extracting(LogRecord::getLevel, r -> r.getThrown().getMessage())
          .containsExactly(tuple(Level.WARNING, "no such column"));
    }
  }

  @Test
  @DisplayName("an answer of the domain (the conversation deleted meanwhile): DEBUG, no stack")
  void domainAnswerIsDebug() throws Exception {
    try (CapturedLog log = new CapturedLog(ChatRunner.class)) {
      ChatEvent last = chatNamedThrough(() -> new NotFoundException("conversation"));

      assertThat(last).isInstanceOf(ChatEvent.MessageEnd.class);
      assertThat(log.awaitRecords(1, ChatTestKit.WAIT)) // named after message_end
          .extracting(LogRecord::getLevel, LogRecord::getThrown)
          .containsExactly(tuple(Level.FINE, null));
    }
  }

  /**
   * One chat asking for a name, whose namer's read of the first query fails with {@code failure}.
   */
  private ChatEvent chatNamedThrough(Supplier<RuntimeException> failure) throws Exception {
    ConversationNamer namer =
        new ConversationNamer(
            kit.store, failingFirstQuery(failure), kit.store, kit.model, kit.sideCalls);
    ChatRunners runners =
        new ChatRunners(
            kit.model,
            kit.finalSave,
            kit.store,
            Set.of(),
            kit.registry,
            namer,
            kit.settings,
            AnnotationReplier.none(),
            kit.files,
            kit.remoteImages);
    kit.model.then(reply("answer"));
    SendMessageCommand command =
        new SendMessageCommand(
            app.id(), "alice", "q", Map.of(), null, ResponseMode.STREAMING, true, false);
    var sender =
        kit.senderWith(
            kit.store,
            kit.store,
            kit.store,
            runners,
            ChatExecutor.virtualThreads(),
            ReliabilitySettings.forPool(10));
    return drain(sender.send(command)).getLast();
  }

  private MessagesPort failingFirstQuery(Supplier<RuntimeException> failure) {
    MessagesPort store = kit.store;
    return new MessagesPort() {
      @Override
      public Page<MessageWithThoughts> listMessages(
          Owner owner, ConversationId conversationId, MessageId firstId, int limit) {
        return store.listMessages(owner, conversationId, firstId, limit);
      }

      @Override
      public Optional<Message> findMessage(Owner owner, MessageId id) {
        return store.findMessage(owner, id);
      }

      @Override
      public Optional<String> firstQuery(Owner owner, ConversationId conversationId) {
        throw failure.get();
      }

      @Override
      public boolean setFeedback(Owner owner, MessageId id, Feedback feedback) {
        return store.setFeedback(owner, id, feedback);
      }
    };
  }
}
