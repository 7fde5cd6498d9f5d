package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.H2TestDatabase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.HistoryWindow;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.TokenUsage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The steps that run on every chat or auto-name read the columns they need, never a message's
 * {@code inputs} (up to INPUTS_MAX_BYTES each) nor its other columns: checked on the SQL that
 * reaches the database.
 */
class ColumnProjectionTest {
  private final List<String> statements = new CopyOnWriteArrayList<>();
  private PersistenceContext context;

  @BeforeEach
  void start() {
    context =
        PersistenceContext.start(
            H2TestDatabase.newDatabase(),
            new SimpleMeterRegistry(),
            tracked ->
                ProxyDataSourceBuilder.create(tracked)
                    .afterQuery(SqlText.into(statements))
                    .build());
  }

  @AfterEach
  void stop() {
    context.close();
  }

  private StartedTurn exchange(AppId app, StartedTurn earlier) {
    StartedTurn turn =
        context
            .startTurn()
            .startTurn(
                new NewTurn(
                    app,
                    "projection",
                    earlier == null ? null : earlier.conversationId(),
                    "query",
                    Map.of("form", "value")));
    context
        .finishMessage()
        .finishMessage(
            turn.owner(),
            turn.messageId(),
            MessageOutcome.completed("answer", TokenUsage.NONE, Duration.ZERO));
    return turn;
  }

  @Test
  @DisplayName("T3 (history) and the first query select only the columns they use")
  void historyAndFirstQueryReadNoWholeRows() {
    AppId app =
        context
            .apps()
            .createApp(new NewApp("projection", "", AppMode.CHAT, null, null, null, null));
    StartedTurn first = exchange(app, null);
    StartedTurn second = exchange(app, first);
    statements.clear();

    assertThat(
            context
                .chatHistory()
                .loadHistory(
                    second.owner(),
                    second.conversationId(),
                    second.messageId(),
                    HistoryWindow.DEFAULT))
        .hasSize(1);
    assertThat(context.messages().firstQuery(first.owner(), first.conversationId()))
        .contains("query");

    List<String> messageReads =
        statements.stream().filter(s -> s.startsWith("select") && s.contains(" message ")).toList();
    assertThat(messageReads).hasSize(2);
    assertThat(messageReads).noneMatch(s -> s.contains("inputs") || s.contains("feedback"));
    assertThat(messageReads.getLast()).contains("fetch first").doesNotContain("answer");
  }
}
