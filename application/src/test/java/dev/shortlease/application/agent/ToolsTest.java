package dev.shortlease.application.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.application.port.out.ToolArguments;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.port.inmemory.InMemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The demo tools, their arguments and their names")
class ToolsTest {
  private static final Owner NOBODY = new Owner(AppId.random(), EndUserId.random());

  @Test
  @DisplayName("current_time answers in UTC, or in the time zone asked for")
  void currentTime() {
    CurrentTimeTool tool =
        new CurrentTimeTool(Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC));

    assertThat(tool.call(new ToolInvocation(NOBODY, ToolArguments.NONE)))
        .isEqualTo("2025-01-02T03:04:05Z");
    assertThat(tool.call(invocation(Map.of("timezone", "Asia/Tokyo"))))
        .isEqualTo("2025-01-02T12:04:05+09:00");
    assertThat(tool.call(invocation(Map.of("timezone", 9))))
        .as("a time zone that is not a string counts as absent")
        .isEqualTo("2025-01-02T03:04:05Z");
    assertThat(tool.call(new ToolInvocation(NOBODY, ToolArguments.unreadable("{timezone"))))
        .isEqualTo("2025-01-02T03:04:05Z");
    assertThatThrownBy(() -> tool.call(invocation(Map.of("timezone", "Mars/Base"))))
        .hasMessageContaining("unknown time zone");
    assertThat(tool.spec().name()).isEqualTo("current_time");
  }

  @Test
  @DisplayName("conversation_stats counts only the calling owner's data")
  void conversationStats() {
    InMemoryStore store = new InMemoryStore();
    AppId app = store.createApp(new NewApp("a", null, AppMode.AGENT_CHAT, null, null, null, null));
    Owner alice = store.startTurn(new NewTurn(app, "alice", null, "q", null)).owner();
    store.startTurn(new NewTurn(app, "bob", null, "q", null));
    store.startTurn(new NewTurn(app, "bob", null, "q", null));

    String stats = new ConversationStatsTool(store).call(new ToolInvocation(alice, null));

    assertThat(stats).isEqualTo("{\"conversations\":1,\"messages\":1,\"total_tokens\":0}");
  }

  @Test
  @DisplayName("arguments are structured values: strings are read, other types count as absent")
  void readsStringArguments() {
    ToolArguments arguments = ToolArguments.of(Map.of("a", "x\"y", "n", 5));

    assertThat(arguments.string("a")).contains("x\"y");
    assertThat(arguments.string("n")).isEmpty();
    assertThat(arguments.string("missing")).isEmpty();
    assertThat(arguments.asRecorded()).isEqualTo(Map.of("a", "x\"y", "n", 5));
    assertThat(ToolArguments.unreadable("not json").string("a")).isEmpty();
    assertThat(ToolArguments.unreadable("not json").asRecorded()).isEqualTo("not json");
    assertThatThrownBy(() -> new ToolArguments(Map.of("a", "x"), "text"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ToolInvocation invocation(Map<String, ?> arguments) {
    return new ToolInvocation(NOBODY, ToolArguments.of(arguments));
  }

  @Test
  @DisplayName("an agent app lists every tool by name, sorted; other modes none")
  void toolNames() {
    InMemoryStore store = new InMemoryStore();
    var describe =
        new DescribeToolsService(Set.of(new CurrentTimeTool(), new ConversationStatsTool(store)));
    AppId agent =
        store.createApp(new NewApp("a", null, AppMode.AGENT_CHAT, null, null, null, null));
    AppId chat = store.createApp(new NewApp("c", null, AppMode.CHAT, null, null, null, null));

    assertThat(describe.toolNames(store.findApp(agent).orElseThrow()))
        .containsExactly("conversation_stats", "current_time");
    assertThat(describe.toolNames(store.findApp(chat).orElseThrow())).isEmpty();
  }
}
