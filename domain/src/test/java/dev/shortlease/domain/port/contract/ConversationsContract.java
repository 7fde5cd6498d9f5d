package dev.shortlease.domain.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.Conversation;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.port.ConversationSort;
import dev.shortlease.domain.port.OwnerStats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Contract of {@code ConversationsPort}. */
public abstract class ConversationsContract extends PortContract {

  /** Three conversations of one owner, created 1, 2, 3; then 1 is continued (updated last). */
  private record Three(Owner owner, ConversationId c1, ConversationId c2, ConversationId c3) {}

  private Three three() {
    AppId app = newApp();
    String user = newUser();
    StartedTurn t1 = exchange(app, user, null, "one", "1");
    StartedTurn t2 = exchange(app, user, null, "two", "2");
    StartedTurn t3 = exchange(app, user, null, "three", "3");
    exchange(app, user, t1.conversationId(), "one again", "1 again");
    return new Three(t1.owner(), t1.conversationId(), t2.conversationId(), t3.conversationId());
  }

  @ParameterizedTest
  @EnumSource(ConversationSort.class)
  @DisplayName("pages follow the sort order, continue after last_id, and tell whether more follow")
  void pagesFollowSortOrder(ConversationSort sort) {
    Three t = three();
    List<ConversationId> expected =
        switch (sort) {
          case CREATED_ASC -> List.of(t.c1(), t.c2(), t.c3());
          case CREATED_DESC -> List.of(t.c3(), t.c2(), t.c1());
          case UPDATED_ASC -> List.of(t.c2(), t.c3(), t.c1());
          case UPDATED_DESC -> List.of(t.c1(), t.c3(), t.c2());
        };

    Page<Conversation> first = ports().conversations().listConversations(t.owner(), null, 2, sort);
    Page<Conversation> second =
        ports().conversations().listConversations(t.owner(), expected.get(1), 2, sort);

    assertThat(first.items())
        .extracting(Conversation::id)
        .containsExactlyElementsOf(expected.subList(0, 2));
    assertThat(first.hasMore()).isTrue();
    assertThat(second.items()).extracting(Conversation::id).containsExactly(expected.get(2));
    assertThat(second.hasMore()).isFalse();
    Page<Conversation> all = ports().conversations().listConversations(t.owner(), null, 3, sort);
    assertThat(all.items()).extracting(Conversation::id).containsExactlyElementsOf(expected);
    assertThat(all.hasMore()).isFalse();
  }

  @Test
  @DisplayName("another owner sees neither the list nor a conversation, and cannot page from it")
  void otherOwnersSeeNothing() {
    Three t = three();
    Owner otherUser = start(t.owner().appId(), newUser(), null, "x").owner();
    Owner otherApp = new Owner(newApp(), t.owner().endUserId());

    for (Owner stranger : List.of(otherUser, otherApp)) {
      assertThat(ports().conversations().findConversation(stranger, t.c1())).isEmpty();
      assertThat(
              ports()
                  .conversations()
                  .listConversations(stranger, null, 100, ConversationSort.CREATED_ASC)
                  .items())
          .extracting(Conversation::id)
          .doesNotContain(t.c1(), t.c2(), t.c3());
      assertThatThrownBy(
              () ->
                  ports()
                      .conversations()
                      .listConversations(stranger, t.c1(), 10, ConversationSort.CREATED_ASC))
          .isInstanceOf(NotFoundException.class)
          .extracting(e -> ((NotFoundException) e).what())
          .isEqualTo("last Conversation");
    }
  }

  @Test
  @DisplayName("rename sets the name and moves updatedAt; another owner's rename finds nothing")
  void renameChangesName() {
    Three t = three();
    Conversation before = ports().conversations().findConversation(t.owner(), t.c2()).orElseThrow();

    Conversation renamed =
        ports()
            .conversations()
            .renameConversation(t.owner(), t.c2(), "  Trip plans ")
            .orElseThrow();

    assertThat(renamed.name()).isEqualTo("Trip plans");
    assertThat(renamed.updatedAt()).isAfter(before.updatedAt());
    assertThat(ports().conversations().findConversation(t.owner(), t.c2())).contains(renamed);
    Owner stranger = new Owner(t.owner().appId(), EndUserId.random());
    assertThat(ports().conversations().renameConversation(stranger, t.c2(), "x")).isEmpty();
  }

  @Test
  @DisplayName("auto-naming sets a name only while the conversation has none")
  void nameIfUnnamedNeverOverwrites() {
    Three t = three();

    assertThat(ports().conversations().nameIfUnnamed(t.owner(), t.c1(), "Auto")).isTrue();
    assertThat(ports().conversations().nameIfUnnamed(t.owner(), t.c1(), "Auto again")).isFalse();
    ports().conversations().renameConversation(t.owner(), t.c2(), "Chosen");
    assertThat(ports().conversations().nameIfUnnamed(t.owner(), t.c2(), "Auto")).isFalse();

    assertThat(ports().conversations().findConversation(t.owner(), t.c1()).orElseThrow().name())
        .isEqualTo("Auto");
    assertThat(ports().conversations().findConversation(t.owner(), t.c2()).orElseThrow().name())
        .isEqualTo("Chosen");
    Owner stranger = new Owner(newApp(), t.owner().endUserId());
    assertThat(ports().conversations().nameIfUnnamed(stranger, t.c3(), "x")).isFalse();
  }

  @Test
  @DisplayName("a deleted conversation behaves as missing everywhere")
  void deletedConversationIsMissing() {
    Three t = three();
    Owner stranger = new Owner(t.owner().appId(), EndUserId.random());

    assertThat(ports().conversations().deleteConversation(stranger, t.c3())).isFalse();
    assertThat(ports().conversations().deleteConversation(t.owner(), t.c3())).isTrue();
    assertThat(ports().conversations().deleteConversation(t.owner(), t.c3())).isFalse();

    assertThat(ports().conversations().findConversation(t.owner(), t.c3())).isEmpty();
    assertThat(ports().conversations().renameConversation(t.owner(), t.c3(), "x")).isEmpty();
    assertThat(ports().conversations().nameIfUnnamed(t.owner(), t.c3(), "x")).isFalse();
    assertThat(
            ports()
                .conversations()
                .listConversations(t.owner(), null, 10, ConversationSort.CREATED_ASC)
                .items())
        .extracting(Conversation::id)
        .containsExactly(t.c1(), t.c2());
  }

  @Test
  @DisplayName("stats count the owner's live conversations, their messages and tokens")
  void statsCountLiveData() {
    Three t = three();

    assertThat(ports().conversations().statsFor(t.owner())).isEqualTo(new OwnerStats(3, 4, 28));

    ports().conversations().deleteConversation(t.owner(), t.c1());

    assertThat(ports().conversations().statsFor(t.owner())).isEqualTo(new OwnerStats(2, 2, 14));
    assertThat(ports().conversations().statsFor(new Owner(newApp(), t.owner().endUserId())))
        .isEqualTo(new OwnerStats(0, 0, 0));
  }

  @Test
  @DisplayName("paging through many conversations visits each exactly once")
  void pagingVisitsEachOnce() {
    AppId app = newApp();
    String user = newUser();
    List<ConversationId> created = new ArrayList<>();
    Owner owner = null;
    for (int i = 0; i < 7; i++) {
      StartedTurn turn = start(app, user, null, "q" + i);
      created.add(turn.conversationId());
      owner = turn.owner();
    }
    List<ConversationId> seen = new ArrayList<>();
    ConversationId last = null;
    Page<Conversation> page;
    do {
      page =
          ports().conversations().listConversations(owner, last, 3, ConversationSort.CREATED_DESC);
      page.items().forEach(c -> seen.add(c.id()));
      last = seen.getLast();
    } while (page.hasMore());

    assertThat(seen).containsExactlyElementsOf(created.reversed());
  }
}
