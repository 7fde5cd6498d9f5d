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
  @DisplayName("an agent app lists every tool's icon; a tool without its own gets the wrench")
  void toolIcons() {
    InMemoryStore store = new InMemoryStore();
    Tool plain =
        new Tool() {
          @Override
          public String name() {
            return "plain";
          }

          @Override
          public String description() {
            return "no icon of its own";
          }

          @Override
          public String parametersJsonSchema() {
            return "{}";
          }

          @Override
          public String call(ToolInvocation invocation) {
            return "";
          }
        };
    var describe =
        new DescribeToolsService(
            Set.of(new CurrentTimeTool(), new ConversationStatsTool(store), plain));
    AppId agent =
        store.createApp(new NewApp("a", null, AppMode.AGENT_CHAT, null, null, null, null));
    AppId chat = store.createApp(new NewApp("c", null, AppMode.CHAT, null, null, null, null));

    var icons = describe.toolIcons(store.findApp(agent).orElseThrow());

    assertThat(icons).containsOnlyKeys("conversation_stats", "current_time", "plain");
    assertThat(icons.get("current_time")).isNotEqualTo(icons.get("plain"));
    assertThat(icons.get("plain").content()).isEqualTo("\uD83D\uDD27");
    assertThat(describe.toolIcons(store.findApp(chat).orElseThrow())).isEmpty();
  }
}
