package dev.shortlease.application.chat;

import static dev.shortlease.application.testing.ChatTestKit.drain;
import static dev.shortlease.application.testing.ChatTestKit.text;
import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static dev.shortlease.application.testing.ScriptedChatModel.slowReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.application.ChatSettings;
import dev.shortlease.application.port.in.AppModeMismatchException;
import dev.shortlease.application.port.in.AppUnavailableException;
import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.application.port.in.ResponseMode;
import dev.shortlease.application.port.in.SendMessageCommand;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.testing.ChatTestKit;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.AppStatus;
import dev.shortlease.domain.AppUpdate;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.InvalidInputException;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.TokenUsage;
import dev.shortlease.domain.port.ConversationSort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sending a message (chat and completion modes)")
class ChatFlowTest {
  private final ChatTestKit kit = new ChatTestKit();

  @Test
  @DisplayName("a chat streams its text chunks, then message_end after the answer was saved")
  void chatStreamsThenEnds() throws Exception {
    App app = kit.app(AppMode.CHAT);
    kit.model.then(slowReply(Duration.ofMillis(5), "Hel", "lo", "!").withUsage(7, 3));

    ChatRun run = kit.chat(app, "alice", "Hi", null);
    List<ChatEvent> events = drain(run);

    assertThat(events)
        .containsExactly(
            new ChatEvent.TextChunk("Hel"),
            new ChatEvent.TextChunk("lo"),
            new ChatEvent.TextChunk("!"),
            events.getLast());
    ChatEvent.MessageEnd end = (ChatEvent.MessageEnd) events.getLast();
    assertThat(end.status()).isEqualTo(MessageStatus.NORMAL);
    assertThat(end.usage()).isEqualTo(new TokenUsage(7, 3));
    assertThat(end.latency()).isPositive();
    Message saved = kit.message(app.id(), "alice", run.messageId());
    assertThat(saved.status()).isEqualTo(MessageStatus.NORMAL);
    assertThat(saved.answer()).isEqualTo("Hello!");
    assertThat(saved.usage()).isEqualTo(new TokenUsage(7, 3));
    assertThat(run.nextEvent(Duration.ofMillis(1))).isEmpty();
  }

  @Test
  @DisplayName("a consumer that reads only after the end gets coalesced chunks with the whole text")
  void blockingConsumerGetsCoalescedText() throws Exception {
    ChatTestKit small = new ChatTestKit(ChatSettings.defaults().withEventQueueCapacity(4));
    App app = small.app(AppMode.CHAT);
    String[] tokens = new String[50];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = "t" + i + " ";
    }
    small.model.then(reply(tokens));

    ChatRun run = small.chat(app, "bob", "count", null);
    small.awaitIdle();
    List<ChatEvent> events = drain(run);

    assertThat(events).hasSizeLessThanOrEqualTo(4 + 2);
    assertThat(text(events)).isEqualTo(String.join("", tokens));
    assertThat(events.getLast()).isInstanceOf(ChatEvent.MessageEnd.class);
    assertThat(small.message(app.id(), "bob", run.messageId()).answer())
        .isEqualTo(String.join("", tokens));
  }

  @Test
  @DisplayName("the model sees the system prompt, the finished earlier turns and the new query")
  void continuingConversationSendsHistory() throws Exception {
    App app = kit.app(AppMode.CHAT);
    kit.model.then(reply("Paris."), reply("About 2 million."));
    ChatRun first = kit.chat(app, "alice", "Capital of France?", null);
    drain(first);

    ChatRun second = kit.chat(app, "alice", "Population?", first.conversationId());
    drain(second);

    assertThat(second.conversationId()).isEqualTo(first.conversationId());
    assertThat(kit.model.requests().get(1).messages())
        .containsExactly(
            new ModelMessage.System("Be brief."),
            new ModelMessage.User("Capital of France?"),
            new ModelMessage.Assistant("Paris.", List.of()),
            new ModelMessage.User("Population?"));
  }

  @Test
  @DisplayName("a completion takes its text from inputs.query, keeps no history, and ends normally")
  void completionUsesInputsQuery() throws Exception {
    App app = kit.app(AppMode.COMPLETION);
    kit.model.then(reply("Bonjour"));

    ChatRun run =
        kit.sender.send(
            new SendMessageCommand(
                app.id(),
                "carol",
                "",
                Map.of("query", "Translate hello"),
                null,
                ResponseMode.BLOCKING,
                false,
                true));
    List<ChatEvent> events = drain(run);

    assertThat(text(events)).isEqualTo("Bonjour");
    assertThat(events.getLast()).isInstanceOf(ChatEvent.MessageEnd.class);
    assertThat(run.mode()).isEqualTo(AppMode.COMPLETION);
    assertThat(kit.model.requests().getFirst().messages())
        .containsExactly(
            new ModelMessage.System("Be brief."), new ModelMessage.User("Translate hello"));
    assertThat(kit.message(app.id(), "carol", run.messageId()).query())
        .isEqualTo("Translate hello");
  }

  @Test
  @DisplayName("a completion with no query at all is rejected before anything is saved")
  void completionWithoutQueryIsRejected() {
    App app = kit.app(AppMode.COMPLETION);
    assertThatThrownBy(
            () ->
                kit.sender.send(
                    new SendMessageCommand(
                        app.id(), "carol", "", Map.of(), null, null, false, true)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(kit.store.findEndUser(app.id(), "carol")).isEmpty();
  }

  @Test
  @DisplayName("the chat endpoint on a completion app, and the reverse, fail with a mode mismatch")
  void modeMismatch() {
    App completion = kit.app(AppMode.COMPLETION);
    App chat = kit.app(AppMode.AGENT_CHAT);

    assertThatThrownBy(() -> kit.chat(completion, "dave", "hi", null))
        .isInstanceOfSatisfying(
            AppModeMismatchException.class, e -> assertThat(e.chatRequested()).isTrue());
    assertThatThrownBy(
            () ->
                kit.sender.send(
                    new SendMessageCommand(chat.id(), "dave", "hi", null, null, null, false, true)))
        .isInstanceOfSatisfying(
            AppModeMismatchException.class, e -> assertThat(e.chatRequested()).isFalse());
    assertThat(kit.model.requests()).isEmpty();
  }

  @Test
  @DisplayName("an unknown conversation fails on the caller's thread with nothing saved")
  void unknownConversationSavesNothing() {
    App app = kit.app(AppMode.CHAT);
    assertThatThrownBy(() -> kit.chat(app, "erin", "hi", ConversationId.random()))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.what()).isEqualTo("conversation"));
    assertThat(kit.store.findEndUser(app.id(), "erin")).isEmpty();
    assertThat(kit.model.requests()).isEmpty();
  }

  @Test
  @DisplayName("another user cannot continue someone's conversation: not found, nothing saved")
  void anotherUsersConversationIsNotFound() throws Exception {
    App app = kit.app(AppMode.CHAT);
    ChatRun mine = kit.chat(app, "alice", "secret", null);
    drain(mine);
    kit.chat(app, "mallory", "hello", null).disconnect();
    kit.awaitIdle();
    int callsBefore = kit.model.requests().size();

    assertThatThrownBy(() -> kit.chat(app, "mallory", "leak?", mine.conversationId()))
        .isInstanceOf(NotFoundException.class);
    assertThat(kit.model.requests()).hasSize(callsBefore);
    assertThat(
            kit.store
                .listConversations(
                    kit.owner(app.id(), "mallory"), null, 100, ConversationSort.UPDATED_DESC)
                .items())
        .hasSize(1);
  }

  @Test
  @DisplayName("a disabled app or one with its API off is unavailable")
  void disabledAppIsUnavailable() {
    App disabled = kit.app(AppMode.CHAT);
    kit.store.updateApp(
        disabled.id(), new AppUpdate(null, null, null, null, null, null, AppStatus.DISABLED, null));
    App apiOff = kit.app(AppMode.CHAT);
    kit.store.updateApp(
        apiOff.id(), new AppUpdate(null, null, null, null, null, null, null, false));

    assertThatThrownBy(() -> kit.chat(disabled, "u", "hi", null))
        .isInstanceOf(AppUnavailableException.class);
    assertThatThrownBy(() -> kit.chat(apiOff, "u", "hi", null))
        .isInstanceOf(AppUnavailableException.class);
  }
}
