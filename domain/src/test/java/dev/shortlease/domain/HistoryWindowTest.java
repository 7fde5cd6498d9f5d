package dev.shortlease.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HistoryWindowTest {
  private final Owner owner = new Owner(AppId.random(), EndUserId.random());
  private final ConversationId conversation = ConversationId.random();

  private Message message(String query, String answer, MessageStatus status) {
    return new Message(
        MessageId.random(),
        conversation,
        owner,
        query,
        null,
        answer,
        status,
        null,
        null,
        null,
        null,
        Instant.EPOCH,
        Instant.EPOCH);
  }

  @Test
  @DisplayName("keeps the newest turns, returned oldest first")
  void keepsNewestTurnsOldestFirst() {
    List<Message> newestFirst = new ArrayList<>();
    for (int i = 5; i >= 1; i--) {
      newestFirst.add(message("q" + i, "a" + i, MessageStatus.NORMAL));
    }

    List<ChatTurn> turns = new HistoryWindow(3).select(newestFirst);

    assertThat(turns).extracting(ChatTurn::query).containsExactly("q3", "q4", "q5");
  }

  @Test
  @DisplayName("leaves out running turns and turns without any answer")
  void skipsTurnsThatDoNotBelongInContext() {
    List<Message> newestFirst =
        List.of(
            message("running", "", MessageStatus.RUNNING),
            message("failed empty", "", MessageStatus.ERROR),
            message("stopped with text", "partial", MessageStatus.STOPPED),
            message("done", "answer", MessageStatus.NORMAL));

    List<ChatTurn> turns = HistoryWindow.DEFAULT.select(newestFirst);

    assertThat(turns)
        .containsExactly(
            new ChatTurn("done", "answer"), new ChatTurn("stopped with text", "partial"));
  }

  @Test
  @DisplayName("a zero window gives the model no history")
  void zeroWindow() {
    assertThat(new HistoryWindow(0).select(List.of(message("q", "a", MessageStatus.NORMAL))))
        .isEmpty();
  }

  @Test
  @DisplayName("the character budget drops the oldest turns first and keeps the rest contiguous")
  void budgetDropsOldestFirst() {
    List<ChatTurn> newestFirst =
        List.of(
            new ChatTurn("q3", "a".repeat(40)), // 42 characters
            new ChatTurn("q2", "b".repeat(60)), // 62
            new ChatTurn("q1", "c")); // 3

    // q2 does not fit in 100; q1 would fit the rest, but it is older than the turn that did not.
    assertThat(new HistoryWindow(10, 100).fit(newestFirst))
        .extracting(ChatTurn::query)
        .containsExactly("q3");
    assertThat(new HistoryWindow(10, 104).fit(newestFirst))
        .extracting(ChatTurn::query)
        .containsExactly("q2", "q3");
    assertThat(new HistoryWindow(10, 41).fit(newestFirst)).isEmpty();
    assertThat(new HistoryWindow(2, 1_000).fit(newestFirst)).hasSize(2);
  }

  @Test
  @DisplayName("a newest turn larger than the whole budget leaves no history")
  void turnLargerThanBudget() {
    List<Message> newestFirst =
        List.of(
            message("huge", "x".repeat(HistoryWindow.DEFAULT_MAX_CHARS), MessageStatus.NORMAL),
            message("small", "a", MessageStatus.NORMAL));

    assertThat(HistoryWindow.DEFAULT.select(newestFirst)).isEmpty();
  }
}
