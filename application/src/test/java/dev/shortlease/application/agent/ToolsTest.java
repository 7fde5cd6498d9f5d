package dev.shortlease.application.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The demo tools and their argument reading")
class ToolsTest {
  private static final Owner NOBODY = new Owner(AppId.random(), EndUserId.random());

  @Test
  @DisplayName("current_time answers in UTC, or in the time zone asked for")
  void currentTime() {
    CurrentTimeTool tool =
        new CurrentTimeTool(Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC));

    assertThat(tool.call(new ToolInvocation(NOBODY, "{}"))).isEqualTo("2025-01-02T03:04:05Z");
    assertThat(tool.call(new ToolInvocation(NOBODY, "{\"timezone\": \"Asia/Tokyo\"}")))
        .isEqualTo("2025-01-02T12:04:05+09:00");
    assertThatThrownBy(() -> tool.call(new ToolInvocation(NOBODY, "{\"timezone\":\"Mars/Base\"}")))
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
  @DisplayName("string arguments are read with escapes; anything else counts as absent")
  void readsStringArguments() {
    assertThat(ToolArguments.string("{\"a\": \"x\\\"y\\\\z\"}", "a")).contains("x\"y\\z");
    assertThat(ToolArguments.string("{\"a\": 5}", "a")).isEmpty();
    assertThat(ToolArguments.string("not json", "a")).isEmpty();
    assertThat(ToolArguments.string("{\"a\": \"x\"}", "a|.*")).isEmpty();
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
