package dev.shortlease.application.conversation;

import static dev.shortlease.application.testing.ChatTestKit.drain;
import static dev.shortlease.application.testing.ScriptedChatModel.fail;
import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.application.testing.ChatTestKit;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.Conversation;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.Feedback;
import dev.shortlease.domain.InvalidInputException;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageWithThoughts;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.Rating;
import dev.shortlease.domain.port.ConversationSort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Conversation use cases: list, history, rename, delete, feedback, suggestions")
class ConversationUseCasesTest {
  private final ChatTestKit kit = new ChatTestKit();
  private final App app = kit.app(AppMode.CHAT);
  private final OwnerResolver owners = new OwnerResolver(kit.store);
  private final ListConversationsService conversations =
      new ListConversationsService(owners, kit.store);
  private final ListMessagesService messages = new ListMessagesService(owners, kit.store);
  private final RenameConversationService rename =
      new RenameConversationService(owners, kit.store, kit.namer);
  private final DeleteConversationService delete = new DeleteConversationService(owners, kit.store);
  private final RateMessageService rate = new RateMessageService(owners, kit.store);
  private final SuggestQuestionsService suggest =
      new SuggestQuestionsService(
          owners, kit.store, kit.store, kit.model, kit.settings, kit.active, kit.sideCalls);

  private ChatRun ask(String user, String query, ConversationId conversationId)
      throws InterruptedException {
    ChatRun run = kit.chat(app, user, query, conversationId);
    drain(run);
    kit.awaitIdle();
    return run;
  }

  @Test
  @DisplayName("conversations page by last_id, newest activity first, with has_more")
  void conversationsPaginate() throws Exception {
    List<ConversationId> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(ask("alice", "q" + i, null).conversationId());
    }

    Page<Conversation> first = conversations.list(app.id(), "alice", null, 2, null);
    Page<Conversation> second =
        conversations.list(app.id(), "alice", first.items().getLast().id(), 2, null);
    Page<Conversation> last =
        conversations.list(
            app.id(), "alice", second.items().getLast().id(), 2, ConversationSort.UPDATED_DESC);

    assertThat(first.items())
        .extracting(Conversation::id)
        .containsExactly(created.get(4), created.get(3));
    assertThat(first.hasMore()).isTrue();
    assertThat(second.items())
        .extracting(Conversation::id)
        .containsExactly(created.get(2), created.get(1));
    assertThat(last.items()).extracting(Conversation::id).containsExactly(created.getFirst());
    assertThat(last.hasMore()).isFalse();
  }

  @Test
  @DisplayName("a user the app has never seen has an empty list; a bad limit is rejected")
  void unknownUserHasNoConversations() {
    assertThat(conversations.list(app.id(), "nobody", null, 20, null).items()).isEmpty();
    assertThatThrownBy(() -> conversations.list(app.id(), "nobody", null, 101, null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName("messages of a conversation page back by first_id; another user gets not found")
  void messagesAreOwnerScoped() throws Exception {
    ConversationId conversation = ask("alice", "one", null).conversationId();
    ask("alice", "two", conversation);
    ask("alice", "three", conversation);
    ask("mallory", "mine", null);

    Page<MessageWithThoughts> newest = messages.list(app.id(), "alice", conversation, null, 2);
    Page<MessageWithThoughts> older =
        messages.list(app.id(), "alice", conversation, newest.items().getFirst().message().id(), 2);

    assertThat(newest.items()).extracting(m -> m.message().query()).containsExactly("two", "three");
    assertThat(newest.hasMore()).isTrue();
    assertThat(older.items()).extracting(m -> m.message().query()).containsExactly("one");
    assertThat(older.hasMore()).isFalse();
    assertThatThrownBy(() -> messages.list(app.id(), "mallory", conversation, null, 20))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> messages.list(app.id(), "stranger", conversation, null, 20))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("rename by name; another user's rename is not found and changes nothing")
  void renameByName() throws Exception {
    ConversationId conversation = ask("alice", "hello", null).conversationId();

    Conversation renamed = rename.rename(app.id(), "alice", conversation, "  Trip plans ", false);

    assertThat(renamed.name()).isEqualTo("Trip plans");
    assertThatThrownBy(() -> rename.rename(app.id(), "mallory", conversation, "pwned", false))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> rename.rename(app.id(), "alice", conversation, " ", false))
        .isInstanceOf(InvalidInputException.class);
    assertThat(kit.store.findConversation(kit.owner(app.id(), "alice"), conversation))
        .get()
        .extracting(Conversation::name)
        .isEqualTo("Trip plans");
  }

  @Test
  @DisplayName("rename with auto_generate asks the model about the first query")
  void renameAutoGenerate() throws Exception {
    ConversationId conversation = ask("alice", "Plan a trip to Rome", null).conversationId();
    ask("alice", "And Naples?", conversation);
    kit.model.then(reply("\"Rome trip.\""));

    Conversation renamed = rename.rename(app.id(), "alice", conversation, null, true);

    assertThat(renamed.name()).isEqualTo("Rome trip");
    assertThat(kit.model.requests().getLast().messages().getLast().toString())
        .contains("Plan a trip to Rome");
  }

  @Test
  @DisplayName(
      "auto_generate on a deleted, foreign or unknown conversation is not found before any model"
          + " call")
  void renameAutoGenerateChecksFirst() throws Exception {
    ConversationId deleted = ask("alice", "Plan a trip to Rome", null).conversationId();
    ConversationId bobs = ask("bob", "Plan a trip to Oslo", null).conversationId();
    delete.delete(app.id(), "alice", deleted);
    int calls = kit.model.requests().size();

    for (ConversationId id : List.of(deleted, bobs, ConversationId.random())) {
      assertThatThrownBy(() -> rename.rename(app.id(), "alice", id, null, true))
          .isInstanceOf(NotFoundException.class);
    }
    assertThat(kit.model.requests()).hasSize(calls);
  }

  @Test
  @DisplayName("a new conversation is named in the background after its first answer")
  void autoNameAfterFirstAnswer() throws Exception {
    kit.model.then(reply("Answer."), reply("Greeting"));
    ChatRun run = kit.chatNamed(app, "alice", "Hello there");
    drain(run);

    Owner owner = kit.owner(app.id(), "alice");
    assertThat(awaitName(owner, run.conversationId())).isEqualTo("Greeting");
  }

  @Test
  @DisplayName("when the model cannot name it, the first query, shortened, is the name")
  void autoNameFallsBackToQuery() throws Exception {
    String longQuery = "Please explain ".repeat(10);
    kit.model.then(reply("Answer."), fail(ModelErrorKind.REQUEST_FAILED, "down"));
    ChatRun run = kit.chatNamed(app, "alice", longQuery);
    drain(run);

    String name = awaitName(kit.owner(app.id(), "alice"), run.conversationId());
    assertThat(name)
        .hasSize(ConversationNamer.FALLBACK_LENGTH)
        .startsWith("Please explain")
        .endsWith("…");
  }

  @Test
  @DisplayName("delete hides the conversation; a second delete or another user gets not found")
  void deleteConversation() throws Exception {
    ConversationId conversation = ask("alice", "bye", null).conversationId();

    assertThatThrownBy(() -> delete.delete(app.id(), "mallory", conversation))
        .isInstanceOf(NotFoundException.class);
    delete.delete(app.id(), "alice", conversation);

    assertThat(conversations.list(app.id(), "alice", null, 20, null).items()).isEmpty();
    assertThatThrownBy(() -> delete.delete(app.id(), "alice", conversation))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("feedback is set and withdrawn by the owner only")
  void feedback() throws Exception {
    ChatRun run = ask("alice", "rate me", null);
    Owner owner = kit.owner(app.id(), "alice");

    rate.rate(app.id(), "alice", run.messageId(), Rating.LIKE, "nice");
    assertThat(kit.store.findMessage(owner, run.messageId()).orElseThrow().feedback())
        .isEqualTo(new Feedback(Rating.LIKE, "nice"));

    rate.rate(app.id(), "alice", run.messageId(), null, null);
    assertThat(kit.store.findMessage(owner, run.messageId()).orElseThrow().feedback()).isNull();
    assertThatThrownBy(() -> rate.rate(app.id(), "mallory", run.messageId(), Rating.DISLIKE, ""))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> rate.rate(app.id(), "alice", MessageId.random(), Rating.LIKE, ""))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("suggested questions are the model's lines, cleaned and capped at three")
  void suggestedQuestions() throws Exception {
    ChatRun run = ask("alice", "Tell me about Rome", null);
    kit.model.then(reply("1. What to eat?\n- Where to stay?\n\n* When to go?\n4. Extra?"));

    List<String> questions =
        suggest.suggest(app.id(), "alice", run.messageId(), StopSignal.never());

    assertThat(questions).containsExactly("What to eat?", "Where to stay?", "When to go?");
    assertThatThrownBy(
            () -> suggest.suggest(app.id(), "mallory", run.messageId(), StopSignal.never()))
        .isInstanceOf(NotFoundException.class);
    kit.model.then(fail(ModelErrorKind.RATE_LIMITED, "busy"));
    assertThat(suggest.suggest(app.id(), "alice", run.messageId(), StopSignal.never())).isEmpty();
  }

  private String awaitName(Owner owner, ConversationId id) throws InterruptedException {
    long deadline = System.nanoTime() + ChatTestKit.WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      String name = kit.store.findConversation(owner, id).orElseThrow().name();
      if (!name.isEmpty()) {
        return name;
      }
      Thread.sleep(Duration.ofMillis(5));
    }
    throw new AssertionError("conversation was not named");
  }
}
