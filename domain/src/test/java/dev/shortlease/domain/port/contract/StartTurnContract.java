package dev.shortlease.domain.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.Conversation;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.port.OwnerStats;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract of {@code StartTurnPort} (T2) and {@code EndUsersPort}. */
public abstract class StartTurnContract extends PortContract {

  @Test
  @DisplayName("a first turn creates the end user, a conversation and a running message")
  void firstTurnCreatesEverything() {
    AppId app = newApp();
    String user = newUser();

    StartedTurn turn = start(app, user, null, "hello");

    assertThat(turn.newConversation()).isTrue();
    assertThat(turn.createdAt()).isNotNull();
    assertThat(ports().endUsers().findEndUser(app, user)).contains(turn.owner().endUserId());
    assertThat(turn.owner().appId()).isEqualTo(app);
    Conversation conversation =
        ports().conversations().findConversation(turn.owner(), turn.conversationId()).orElseThrow();
    assertThat(conversation.name()).isEmpty();
    assertThat(conversation.inputs()).containsEntry("lang", "en");
    assertThat(conversation.createdAt()).isEqualTo(turn.createdAt());
    Message message = ports().messages().findMessage(turn.owner(), turn.messageId()).orElseThrow();
    assertThat(message.status()).isEqualTo(MessageStatus.RUNNING);
    assertThat(message.query()).isEqualTo("hello");
    assertThat(message.inputs()).containsEntry("lang", "en");
    assertThat(message.conversationId()).isEqualTo(turn.conversationId());
    assertThat(message.createdAt()).isEqualTo(turn.createdAt());
  }

  @Test
  @DisplayName("a known user's new conversation: the same rows, the same user, its own clock")
  void knownUsersNewConversation() {
    AppId app = newApp();
    String user = newUser();
    StartedTurn first = start(app, user, null, "one");

    StartedTurn second = start(app, user, null, "two");

    assertThat(second.newConversation()).isTrue();
    assertThat(second.owner()).isEqualTo(first.owner());
    assertThat(second.conversationId()).isNotEqualTo(first.conversationId());
    assertThat(second.inputs()).containsEntry("lang", "en");
    Conversation conversation =
        ports()
            .conversations()
            .findConversation(second.owner(), second.conversationId())
            .orElseThrow();
    assertThat(conversation.inputs()).containsEntry("lang", "en");
    assertThat(conversation.createdAt()).isEqualTo(second.createdAt());
    Message message =
        ports().messages().findMessage(second.owner(), second.messageId()).orElseThrow();
    assertThat(message.status()).isEqualTo(MessageStatus.RUNNING);
    assertThat(message.query()).isEqualTo("two");
    assertThat(message.conversationId()).isEqualTo(second.conversationId());
    assertThat(message.createdAt()).isEqualTo(second.createdAt());
    assertThat(second.createdAt()).isAfterOrEqualTo(first.createdAt());
  }

  @Test
  @DisplayName("reads never create end users; the same user string of another app is another user")
  void endUsersAreAppScoped() {
    AppId app = newApp();
    String user = newUser();
    assertThat(ports().endUsers().findEndUser(app, user)).isEmpty();

    start(app, user, null, "hi");

    assertThat(ports().endUsers().findEndUser(app, user)).isPresent();
    assertThat(ports().endUsers().findEndUser(newApp(), user)).isEmpty();
  }

  @Test
  @DisplayName("a later turn continues the conversation and moves its updatedAt")
  void laterTurnContinuesConversation() {
    AppId app = newApp();
    String user = newUser();
    StartedTurn first = start(app, user, null, "one");
    Conversation before =
        ports()
            .conversations()
            .findConversation(first.owner(), first.conversationId())
            .orElseThrow();

    StartedTurn second = start(app, user, first.conversationId(), "two");

    assertThat(second.newConversation()).isFalse();
    assertThat(second.conversationId()).isEqualTo(first.conversationId());
    assertThat(second.owner()).isEqualTo(first.owner());
    assertThat(second.messageId()).isNotEqualTo(first.messageId());
    Conversation after =
        ports()
            .conversations()
            .findConversation(first.owner(), first.conversationId())
            .orElseThrow();
    assertThat(after.updatedAt()).isAfter(before.updatedAt());
    assertThat(after.createdAt()).isEqualTo(before.createdAt());
  }

  @Test
  @DisplayName("an unknown conversation is not found and a new user leaves nothing behind")
  void unknownConversationLeavesNothing() {
    AppId app = newApp();
    String user = newUser();

    assertThatThrownBy(() -> start(app, user, ConversationId.random(), "q"))
        .isInstanceOf(NotFoundException.class)
        .extracting(e -> ((NotFoundException) e).what())
        .isEqualTo("conversation");
    assertThat(ports().endUsers().findEndUser(app, user)).isEmpty();
  }

  @Test
  @DisplayName("another user's or another app's conversation is not found and nothing is created")
  void foreignConversationLeavesNothing() {
    AppId app = newApp();
    StartedTurn owners = start(app, newUser(), null, "mine");
    String intruder = newUser();
    StartedTurn intruderTurn = start(app, intruder, null, "own conversation");
    OwnerStats before = ports().conversations().statsFor(intruderTurn.owner());

    assertThatThrownBy(() -> start(app, intruder, owners.conversationId(), "q"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> start(newApp(), newUser(), owners.conversationId(), "q"))
        .isInstanceOf(NotFoundException.class);
    assertThat(ports().conversations().statsFor(intruderTurn.owner())).isEqualTo(before);
    assertThat(ports().conversations().statsFor(owners.owner()).messages()).isEqualTo(1);
  }

  @Test
  @DisplayName("a turn for an unknown app is refused as 'app' not found and creates no end user")
  void unknownAppIsRefused() {
    AppId unknown = AppId.random();
    String user = newUser();

    assertThatThrownBy(() -> start(unknown, user, null, "q"))
        .isInstanceOf(NotFoundException.class)
        .extracting(e -> ((NotFoundException) e).what())
        .isEqualTo("app");
    assertThat(ports().endUsers().findEndUser(unknown, user)).isEmpty();
  }

  @Test
  @DisplayName("a deleted conversation cannot be continued")
  void deletedConversationCannotContinue() {
    AppId app = newApp();
    String user = newUser();
    StartedTurn turn = start(app, user, null, "q");
    ports().conversations().deleteConversation(turn.owner(), turn.conversationId());

    assertThatThrownBy(() -> start(app, user, turn.conversationId(), "again"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("concurrent first turns of one user all succeed and share one end user")
  void concurrentFirstTurnsShareOneUser() throws Exception {
    AppId app = newApp();
    String user = newUser();
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<StartedTurn>> calls =
          IntStream.range(0, threads)
              .<Callable<StartedTurn>>mapToObj(i -> () -> start(app, user, null, "q" + i))
              .toList();
      List<EndUserId> users =
          pool.invokeAll(calls).stream()
              .map(PortContract::await)
              .map(t -> t.owner().endUserId())
              .toList();

      assertThat(users).hasSize(threads).containsOnly(users.get(0));
      assertThat(ports().endUsers().findEndUser(app, user)).contains(users.get(0));
      assertThat(ports().conversations().statsFor(new Owner(app, users.get(0))).conversations())
          .isEqualTo(threads);
    } finally {
      pool.shutdownNow();
    }
  }
}
