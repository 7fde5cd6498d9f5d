package dev.shortlease.domain.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.Feedback;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.MessageWithThoughts;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.Rating;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.TokenUsage;
import dev.shortlease.domain.ToolInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract of {@code MessagesPort}. */
public abstract class MessagesContract extends PortContract {

  /** Five finished exchanges in one conversation; returns their turns oldest first. */
  private List<StartedTurn> five() {
    AppId app = newApp();
    String user = newUser();
    List<StartedTurn> turns = new ArrayList<>();
    StartedTurn first = exchange(app, user, null, "q0", "a0");
    turns.add(first);
    for (int i = 1; i < 5; i++) {
      turns.add(exchange(app, user, first.conversationId(), "q" + i, "a" + i));
    }
    return turns;
  }

  private static List<MessageId> ids(Page<MessageWithThoughts> page) {
    return page.items().stream().map(m -> m.message().id()).toList();
  }

  @Test
  @DisplayName("history pages go backwards from the newest, each oldest first, until no more")
  void historyPagesGoBackwards() {
    List<StartedTurn> t = five();
    Owner owner = t.get(0).owner();
    var conversation = t.get(0).conversationId();

    Page<MessageWithThoughts> newest =
        ports().messages().listMessages(owner, conversation, null, 2);
    Page<MessageWithThoughts> middle =
        ports().messages().listMessages(owner, conversation, t.get(3).messageId(), 2);
    Page<MessageWithThoughts> oldest =
        ports().messages().listMessages(owner, conversation, t.get(1).messageId(), 2);

    assertThat(ids(newest)).containsExactly(t.get(3).messageId(), t.get(4).messageId());
    assertThat(newest.hasMore()).isTrue();
    assertThat(ids(middle)).containsExactly(t.get(1).messageId(), t.get(2).messageId());
    assertThat(middle.hasMore()).isTrue();
    assertThat(ids(oldest)).containsExactly(t.get(0).messageId());
    assertThat(oldest.hasMore()).isFalse();
    Message last = newest.items().get(1).message();
    assertThat(last.query()).isEqualTo("q4");
    assertThat(last.answer()).isEqualTo("a4");
    assertThat(last.status()).isEqualTo(MessageStatus.NORMAL);
    assertThat(last.usage()).isEqualTo(new TokenUsage(3, 4));
    assertThat(last.latency()).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  @DisplayName("a page holding every message says there are no more")
  void fullPageHasNoMore() {
    List<StartedTurn> t = five();
    Page<MessageWithThoughts> all =
        ports().messages().listMessages(t.get(0).owner(), t.get(0).conversationId(), null, 5);
    assertThat(all.items()).hasSize(5);
    assertThat(all.hasMore()).isFalse();
  }

  @Test
  @DisplayName("messages carry their agent thoughts in position order")
  void messagesCarryThoughts() {
    StartedTurn turn = start(newApp(), newUser(), null, "use tools");
    var second =
        ports()
            .thoughts()
            .addThought(
                turn.owner(),
                turn.messageId(),
                2,
                "then",
                "search",
                new ToolInput(
                    Map.of(
                        "search",
                        Map.of("query", "café \"1\"", "limit", 3, "deep", List.of(true)))),
                null);
    ports()
        .thoughts()
        .addThought(
            turn.owner(), turn.messageId(), 1, "first", "", ToolInput.NONE, TokenUsage.NONE);
    ports().thoughts().recordObservation(turn.owner(), second, Map.of("search", "found it"));

    MessageWithThoughts listed =
        ports()
            .messages()
            .listMessages(turn.owner(), turn.conversationId(), null, 10)
            .items()
            .get(0);

    assertThat(listed.thoughts()).extracting(th -> th.thought()).containsExactly("first", "then");
    assertThat(listed.thoughts().get(1).tool()).isEqualTo("search");
    assertThat(listed.thoughts().get(1).toolInput().byTool())
        .isEqualTo(
            Map.of("search", Map.of("query", "café \"1\"", "limit", 3, "deep", List.of(true))));
    assertThat(listed.thoughts().get(1).observation()).isEqualTo(Map.of("search", "found it"));
    assertThat(listed.thoughts().get(0).toolInput()).isEqualTo(ToolInput.NONE);
    assertThat(listed.thoughts().get(0).observation()).isEmpty();
    assertThat(listed.thoughts().get(1).messageId()).isEqualTo(turn.messageId());
  }

  @Test
  @DisplayName("a thought naming many tools, as a model may, is stored whole")
  void manyToolNamesAreStoredWhole() {
    StartedTurn turn = start(newApp(), newUser(), null, "call everything");
    String tools =
        String.join(
            ";",
            java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> "a_rather_long_tool_name_" + i)
                .toList());

    ports()
        .thoughts()
        .addThought(turn.owner(), turn.messageId(), 1, "", tools, ToolInput.NONE, null);

    MessageWithThoughts listed =
        ports()
            .messages()
            .listMessages(turn.owner(), turn.conversationId(), null, 1)
            .items()
            .getFirst();
    assertThat(tools).hasSizeGreaterThan(5_000);
    assertThat(listed.thoughts().getFirst().tool()).isEqualTo(tools);

    var recorded =
        ports()
            .thoughts()
            .addThought(turn.owner(), turn.messageId(), 2, "", "", ToolInput.NONE, null);
    ports().thoughts().recordThought(turn.owner(), recorded, "", tools, ToolInput.NONE, null);
    assertThat(
            ports()
                .messages()
                .listMessages(turn.owner(), turn.conversationId(), null, 1)
                .items()
                .getFirst()
                .thoughts()
                .getLast()
                .tool())
        .as("as the agent writes it: inserted empty, then recorded")
        .isEqualTo(tools);
  }

  @Test
  @DisplayName(
      "a thought inserted empty, then given the model's part and the observation, reads back whole")
  void thoughtFilledInSteps() {
    StartedTurn turn = start(newApp(), newUser(), null, "use tools");
    var id =
        ports()
            .thoughts()
            .addThought(turn.owner(), turn.messageId(), 1, "", "", ToolInput.NONE, null);
    ports()
        .thoughts()
        .recordThought(
            turn.owner(),
            id,
            "Let me look.",
            "search",
            new ToolInput(Map.of("search", Map.of("query", "tea"))),
            new TokenUsage(5, 2));
    ports().thoughts().recordObservation(turn.owner(), id, Map.of("search", "green"));

    var thought =
        ports()
            .messages()
            .listMessages(turn.owner(), turn.conversationId(), null, 10)
            .items()
            .get(0)
            .thoughts()
            .getFirst();

    assertThat(thought.thought()).isEqualTo("Let me look.");
    assertThat(thought.tool()).isEqualTo("search");
    assertThat(thought.toolInput().byTool()).isEqualTo(Map.of("search", Map.of("query", "tea")));
    assertThat(thought.observation()).isEqualTo(Map.of("search", "green"));
    assertThat(thought.usage()).isEqualTo(new TokenUsage(5, 2));
  }

  @Test
  @DisplayName("another owner's conversation or first_id is not found")
  void foreignListingIsNotFound() {
    List<StartedTurn> t = five();
    Owner owner = t.get(0).owner();
    Owner stranger = new Owner(owner.appId(), EndUserId.random());
    StartedTurn elsewhere = start(owner.appId(), newUser(), null, "other conversation");

    assertThatThrownBy(
            () -> ports().messages().listMessages(stranger, t.get(0).conversationId(), null, 10))
        .isInstanceOf(NotFoundException.class)
        .extracting(e -> ((NotFoundException) e).what())
        .isEqualTo("conversation");
    assertThatThrownBy(
            () ->
                ports()
                    .messages()
                    .listMessages(owner, t.get(0).conversationId(), elsewhere.messageId(), 10))
        .isInstanceOf(NotFoundException.class)
        .extracting(e -> ((NotFoundException) e).what())
        .isEqualTo("first Message");
  }

  @Test
  @DisplayName("the first query is the oldest message's, for the owner only")
  void firstQueryIsTheOldest() {
    List<StartedTurn> t = five();
    Owner owner = t.get(0).owner();
    Owner stranger = new Owner(owner.appId(), EndUserId.random());
    StartedTurn empty = start(owner.appId(), newUser(), null, "only");

    assertThat(ports().messages().firstQuery(owner, t.get(0).conversationId())).contains("q0");
    assertThat(ports().messages().firstQuery(empty.owner(), empty.conversationId()))
        .contains("only");
    assertThatThrownBy(() -> ports().messages().firstQuery(stranger, t.get(0).conversationId()))
        .isInstanceOf(NotFoundException.class)
        .extracting(e -> ((NotFoundException) e).what())
        .isEqualTo("conversation");
    ports().conversations().deleteConversation(owner, t.get(0).conversationId());
    assertThatThrownBy(() -> ports().messages().firstQuery(owner, t.get(0).conversationId()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("a message is found by its owner only, and not once its conversation is deleted")
  void findMessageIsOwnerScoped() {
    StartedTurn turn = exchange(newApp(), newUser(), null, "q", "a");

    assertThat(ports().messages().findMessage(turn.owner(), turn.messageId())).isPresent();
    assertThat(
            ports()
                .messages()
                .findMessage(new Owner(newApp(), turn.owner().endUserId()), turn.messageId()))
        .isEmpty();
    assertThat(ports().messages().findMessage(turn.owner(), MessageId.random())).isEmpty();

    ports().conversations().deleteConversation(turn.owner(), turn.conversationId());
    assertThat(ports().messages().findMessage(turn.owner(), turn.messageId())).isEmpty();
  }

  @Test
  @DisplayName("feedback is set, replaced and cleared by the owner only")
  void feedbackSetAndCleared() {
    StartedTurn turn = exchange(newApp(), newUser(), null, "q", "a");
    Owner stranger = new Owner(turn.owner().appId(), EndUserId.random());

    assertThat(
            ports()
                .messages()
                .setFeedback(turn.owner(), turn.messageId(), new Feedback(Rating.LIKE, "great")))
        .isTrue();
    assertThat(feedbackOf(turn)).isEqualTo(new Feedback(Rating.LIKE, "great"));
    ports()
        .messages()
        .setFeedback(turn.owner(), turn.messageId(), new Feedback(Rating.DISLIKE, null));
    assertThat(feedbackOf(turn)).isEqualTo(new Feedback(Rating.DISLIKE, ""));
    assertThat(
            ports()
                .messages()
                .setFeedback(stranger, turn.messageId(), new Feedback(Rating.LIKE, "")))
        .isFalse();
    assertThat(ports().messages().setFeedback(turn.owner(), turn.messageId(), null)).isTrue();
    assertThat(feedbackOf(turn)).isNull();
    assertThat(ports().messages().setFeedback(turn.owner(), MessageId.random(), null)).isFalse();
  }

  private Feedback feedbackOf(StartedTurn turn) {
    return ports().messages().findMessage(turn.owner(), turn.messageId()).orElseThrow().feedback();
  }
}
